package gradbook.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Issue #4: our workbooks recalculated in gnumeric (ssconvert --recalc) and read back. */
class GnumericRoundTripTest extends RoundTripTest {
    @Override
    String program() {
        return "gnumeric";
    }

    @Override
    String missingProgram() {
        return RealPrograms.missingGnumeric();
    }

    @Override
    List<Path> recalculate(List<Path> files, Path outFolder) throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path file : files) {
            out.add(RealPrograms.gnumeric(file, outFolder));
        }
        return out;
    }
}
