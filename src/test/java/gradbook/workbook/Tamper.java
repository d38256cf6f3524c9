package gradbook.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Copies of a generated workbook spoiled on purpose, to show that the round-trip tests would
 * notice: a twin whose stored value is wrong, and a twin whose formula is wrong.
 */
final class Tamper {
    private Tamper() {
    }

    /** The twin that was spoiled, and how its copy was spoiled. */
    record Spoiled(Path file, RoundTripCheck.Pair pair, String note) {
    }

    /**
     * Stores 42 as the cached value of the last twin on sheet {@code sheet}, leaving its formula:
     * a program that recalculates on load shows the right value, one that does not shows 42.
     */
    static Spoiled storeWrongValue(Generated g, String sheet, Path out) throws IOException {
        try (XSSFWorkbook workbook = RoundTripCheck.open(g.file())) {
            RoundTripCheck.Pair pair = last(workbook, sheet);
            twin(workbook, pair).setCellValue(42);
            save(workbook, out);
            return new Spoiled(out, pair, "stored value 42");
        }
    }

    /**
     * Replaces the sigmoid twin formula of the last twin on {@code sheet} by the sign slip
     * 1/(1+EXP(z)), which computes S(−z), keeping the right value stored beside it.
     */
    static Spoiled breakSigmoidFormula(Generated g, String sheet, Path out) throws IOException {
        try (XSSFWorkbook workbook = RoundTripCheck.open(g.file())) {
            RoundTripCheck.Pair pair = last(workbook, sheet);
            Cell twin = twin(workbook, pair);
            String formula = twin.getCellFormula();
            if (!formula.startsWith("IF(") || !formula.contains(">=0,")) {
                throw new AssertionError("expected a sigmoid twin IF(z>=0,…) at " + pair.twin()
                        + " but found =" + formula);
            }
            String z = formula.substring(3, formula.indexOf(">=0,"));
            String wrong = "1/(1+EXP(" + z + "))";
            twin.setCellFormula(wrong);
            twin.setCellValue(pair.javaValue());
            save(workbook, out);
            return new Spoiled(out, pair, "=" + formula + " replaced by =" + wrong);
        }
    }

    private static RoundTripCheck.Pair last(XSSFWorkbook workbook, String sheet) {
        List<RoundTripCheck.Pair> pairs = RoundTripCheck.pairs(workbook, List.of(sheet));
        return pairs.get(pairs.size() - 1);
    }

    private static Cell twin(XSSFWorkbook workbook, RoundTripCheck.Pair pair) {
        return workbook.getSheet(pair.sheet()).getRow(pair.twin().getRow())
                .getCell(pair.twin().getCol());
    }

    private static void save(XSSFWorkbook workbook, Path out) throws IOException {
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            workbook.write(stream);
        }
    }
}
