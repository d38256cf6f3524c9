package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
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

    // Recalculated in the same start as the others.
    @Override
    List<Path> moreFiles(Generated example, Path in) throws Exception {
        formulaWrong = Tamper.breakSigmoidFormula(example, "Second Layer",
                in.resolve("twin-formula-wrong.xlsx"));
        return List.of(formulaWrong.file(), Generated.autoLimited().file());
    }

    // Issue #7, part 4: --formulas auto on a layer over its limit, as LibreOffice sees it.
    @Test
    void recalculates_the_sampled_twins_of_an_auto_limited_workbook() throws Exception {
        // given W_0 of 320 × 40, written under --formulas auto
        Generated g = Generated.autoLimited();
        ErrorScales scales = new ErrorScales(g.trace());

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(recalculated(g.file()))) {
            List<FormulaModesTest.Twin> twins = FormulaModesTest.twins(wb, g.trace());

            // then the twins are where auto puts them, each LibreOffice's value of its Java
            List<String> problems = new ArrayList<>();
            for (FormulaModesTest.Twin t : twins) {
                boolean expected = t.entry() == null
                        || FormulaModesTest.documented(g.trace(), t.entry());
                if (expected != t.formula()) {
                    problems.add(t + (expected ? ": no formula" : ": a formula"));
                    continue;
                }
                double java = t.java().getNumericCellValue();
                double scale = t.entry() == null ? Math.abs(java)
                        : scales.of(t.entry().name(), t.entry().i(), t.entry().j());
                if (expected && !(Math.abs(t.twin().getNumericCellValue() - java)
                        <= Math.max(RoundTripCheck.RELATIVE * scale, 1e-15))) {
                    problems.add(t + ": " + t.twin().getNumericCellValue() + " against " + java);
                }
            }
            RoundTripCheck.assertNone("the auto-limited workbook in LibreOffice", problems);
            assertTrue(twins.size() > 3 * 12_800, twins.size() + " Java values");
            assertTrue(RoundTripCheck.errorCells(wb).isEmpty(), "no error cell");
        }
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
