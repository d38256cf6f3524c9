package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradbook.core.GradientCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Checks on a workbook gradbook wrote, as a spreadsheet program would see it. */
final class Outputs {
    static final List<String> SHEETS_OF_TWO_LAYERS = List.of("Network", "Activation",
            "First Layer", "Second Layer", "Error", "Derivatives", "Weight Updates",
            "Gradient Check");

    private static final Pattern DIFFERENCE = Pattern.compile("([A-Z]+\\d+)-([A-Z]+\\d+)");

    private Outputs() {
    }

    /** The number in the first cell of a workbook-scoped name. */
    static double nameValue(XSSFWorkbook wb, String name) {
        Name n = wb.getName(name);
        assertTrue(n != null, "expected a name " + name);
        CellReference first = new AreaReference(n.getRefersToFormula(),
                wb.getSpreadsheetVersion()).getFirstCell();
        return wb.getSheet(first.getSheetName()).getRow(first.getRow())
                .getCell(first.getCol()).getNumericCellValue();
    }

    // The rows, as "sheet!row", of the central differences fd_… and of fd_diff_…: their Java
    // values, twins and differences share the rows of the name over the Java values.
    private static Set<String> estimateRows(XSSFWorkbook wb) {
        Set<String> rows = new HashSet<>();
        for (Name n : wb.getAllNames()) {
            if (n.getNameName().startsWith("fd_")) {
                AreaReference area = new AreaReference(n.getRefersToFormula(),
                        wb.getSpreadsheetVersion());
                for (int r = area.getFirstCell().getRow(); r <= area.getLastCell().getRow(); r++) {
                    rows.add(area.getFirstCell().getSheetName() + "!" + r);
                }
            }
        }
        return rows;
    }

    // The twins never read a Java value, so a formula "X-Y" whose Y holds a plain number is a
    // difference cell, and Y the Java value.
    private static Cell javaOperand(Sheet sheet, Cell cell) {
        Matcher m = DIFFERENCE.matcher(cell.getCellFormula());
        if (!m.matches()) {
            return null;
        }
        CellReference y = new CellReference(m.group(2));
        Row row = sheet.getRow(y.getRow());
        Cell java = row == null ? null : row.getCell(y.getCol());
        return java != null && java.getCellType() == CellType.NUMERIC ? java : null;
    }

    /**
     * Every formula on the generated sheets, evaluated afresh, gives the value gradbook stored
     * with it (the Java value for a twin, 0 for a difference), within {@code tolerance} relative
     * to the Java value's size.
     */
    static void assertFormulasAgree(XSSFWorkbook wb, List<String> sheets, double tolerance) {
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        Set<String> estimateRows = estimateRows(wb);
        // An estimate divides a difference of two losses by 2h, so it carries E's rounding
        // magnified by 1/h.
        double estimateTolerance = tolerance * Math.max(1, Math.abs(nameValue(wb, "E")))
                / GradientCheck.H;
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (String name : sheets) {
            Sheet sheet = wb.getSheet(name);
            assertTrue(sheet != null, "expected a sheet " + name);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    checked++;
                    // A difference "twin − Java" stores 0; it is judged against the Java value.
                    Cell java = javaOperand(sheet, cell);
                    double stored = java == null ? cell.getNumericCellValue() : 0;
                    double size = java == null ? stored : java.getNumericCellValue();
                    CellValue fresh = evaluator.evaluate(cell);
                    double difference = fresh.getCellType() == CellType.NUMERIC
                            ? Math.abs(fresh.getNumberValue() - stored) : Double.NaN;
                    double allowed = tolerance * Math.max(1, Math.abs(size))
                            + (estimateRows.contains(name + "!" + cell.getRowIndex())
                                    ? estimateTolerance : 0);
                    if (!(difference <= allowed)) {
                        disagreements.add(name + "!" + cell.getAddress() + " ="
                                + cell.getCellFormula() + ": expected " + stored + ", actual "
                                + fresh.formatAsString() + ", tolerance " + allowed
                                + ", difference " + difference);
                    }
                }
            }
        }
        if (checked == 0 || !disagreements.isEmpty()) {
            fail(checked + " formulas checked; " + disagreements.size() + " disagree:\n"
                    + String.join("\n", disagreements.subList(0,
                            Math.min(20, disagreements.size()))));
        }
    }

    /**
     * Asserts that a written .xlsx carries no clock: every zip entry has the one fixed time
     * POI gives under SOURCE_DATE_EPOCH, and the document properties give no date modified.
     */
    /**
     * {@code output} opens and holds every sheet of a network of two layers of {@code width}
     * units, W_1 after the step whole: the workbook of a write that was not cut short.
     */
    static void assertComplete(Path output, int width) {
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            String updated = wb.getName("W_1_new").getRefersToFormula();
            assertEquals(width * width, new AreaReference(updated, wb.getSpreadsheetVersion())
                    .getAllReferencedCells().length, updated);
            for (String sheet : SHEETS_OF_TWO_LAYERS) {
                assertFalse(wb.getSheet(sheet) == null, "no sheet " + sheet + " in " + output);
            }
        } catch (IOException | RuntimeException e) {
            fail(output + " is not a complete workbook: " + e);
        }
    }

    /** gradbook's hidden files beside the outputs, and every file (POI's) under java.io.tmpdir. */
    static List<Path> temporaryFiles(Path out, Path tmpdir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            files.filter(f -> f.getFileName().toString().startsWith(".")).forEach(found::add);
        }
        try (Stream<Path> files = Files.walk(tmpdir)) {
            files.filter(Files::isRegularFile).forEach(found::add);
        } catch (UncheckedIOException e) {
            // A file POI deleted while the walk passed it.
        }
        return found;
    }

    static void assertNoClock(Path file) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertTrue(e.getTime() < Instant.parse("1981-01-01T00:00:00Z").toEpochMilli(),
                        file + ": " + e.getName() + " is stamped " + Instant.ofEpochMilli(
                                e.getTime()) + ", not the fixed time");
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    assertFalse(xml.contains("modified"), file + ": a date modified in " + xml);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
