package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: our workbooks recalculated in LibreOffice, headless, and read back; one start of
 * LibreOffice for all of them.
 */
class LibreOfficeRoundTripTest extends RoundTripTest {
    private Tamper.Spoiled formulaWrong;

    @Override
    String program() {
        return "LibreOffice";
    }

    @Override
    String missingProgram() {
        return RealPrograms.missingLibreOffice();
    }

    @Override
    List<Path> recalculate(List<Path> files, Path outFolder) throws Exception {
        return RealPrograms.libreOffice(files, "xlsx", outFolder);
    }

    @Override
    List<Path> moreFiles(Generated example, Path in) throws Exception {
        formulaWrong = Tamper.breakSigmoidFormula(example, "Second Layer",
                in.resolve("twin-formula-wrong.xlsx"));
        return List.of(formulaWrong.file());
    }

    // The test of the test: a wrong twin formula whose stored value is right must be caught.
    @Test
    void reports_a_twin_whose_formula_is_wrong() throws Exception {
        // given a copy of the example with one sigmoid twin written as S(−z)
        RoundTripCheck.Pair spoiled = formulaWrong.pair();

        // when
        List<String> mismatches;
        try (XSSFWorkbook wb = RoundTripCheck.open(recalculated(formulaWrong.file()))) {
            mismatches = RoundTripCheck.mismatches(RoundTripCheck.pairs(wb, example().sheets()));
        }

        // then the spoiled twin is the first mismatch; the others are the twins downstream
        assertFalse(mismatches.isEmpty(), "expected " + formulaWrong.note() + " to be caught");
        assertTrue(mismatches.get(0).contains("twin " + spoiled.twin().formatAsString(false)),
                "expected the first mismatch at " + spoiled.twin().formatAsString(false)
                        + " but was " + mismatches.get(0));
    }
}
