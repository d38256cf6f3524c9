package gradbook.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue #4: our workbooks recalculated in gnumeric (ssconvert --recalc) and read back. gnumeric
 * reads the print titles (the heading row repeated on each page) but its .xlsx export leaves
 * them out, so the names are read from gnumeric's own file format instead.
 */
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

    @Override
    Map<String, String> namesRead(Path file) throws Exception {
        return RealPrograms.gnumericNames(file, folder().resolve("names"));
    }
}
