package gradbook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The yardstick of the speed benchmark: what any program that opens a template with POI and
 * writes a workbook as large as gradbook's must pay, and nothing more. It opens the template,
 * adds sheets holding as many number, text and formula cells as gradbook's generated sheets
 * hold (each formula with its stored value, as gradbook stores them), and writes the workbook.
 * No backprop, no names, styles, comments or chart.
 *
 * <p>Run as a program it is the cold baseline, one process per workbook:
 * {@code Baseline TEMPLATE OUT SHEETS}, with SHEETS as {@link Shape#parse} reads it.
 */
public final class Baseline {
    private Baseline() {
    }

    /** How many cells of each kind one generated sheet holds. */
    public record Shape(String sheet, int numbers, int texts, int formulas) {
        /** Reads "Network:16:42:32,Activation:82:6:82", the form {@link #format} writes. */
        static List<Shape> parse(String spec) {
            List<Shape> shapes = new ArrayList<>();
            for (String part : spec.split(",")) {
                String[] f = part.split(":");
                shapes.add(new Shape(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3])));
            }
            return shapes;
        }

        static String format(List<Shape> shapes) {
            List<String> parts = new ArrayList<>();
            for (Shape s : shapes) {
                parts.add(s.sheet + ":" + s.numbers + ":" + s.texts + ":" + s.formulas);
            }
            return String.join(",", parts);
        }

        /** The cells of each sheet of {@code workbook} after its first {@code kept} sheets. */
        static List<Shape> of(Path workbook, int kept) throws IOException {
            List<Shape> shapes = new ArrayList<>();
            try (InputStream in = Files.newInputStream(workbook);
                    XSSFWorkbook wb = new XSSFWorkbook(in)) {
                for (int i = kept; i < wb.getNumberOfSheets(); i++) {
                    Sheet sheet = wb.getSheetAt(i);
                    int numbers = 0;
                    int texts = 0;
                    int formulas = 0;
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            CellType type = cell.getCellType();
                            numbers += type == CellType.NUMERIC ? 1 : 0;
                            texts += type == CellType.STRING ? 1 : 0;
                            formulas += type == CellType.FORMULA ? 1 : 0;
                        }
                    }
                    shapes.add(new Shape("Baseline " + (i - kept + 1), numbers, texts,
                            formulas));
                }
            }
            return shapes;
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]), Shape.parse(args[2]));
    }

    /** Opens {@code template}, adds the sheets {@code shapes} describe and writes {@code out}. */
    public static void write(Path template, Path out, List<Shape> shapes) throws IOException {
        try (InputStream in = Files.newInputStream(template);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Shape shape : shapes) {
                fill(workbook.createSheet(shape.sheet()), shape);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
        }
    }

    // Rows of three columns, as gradbook's blocks are: numbers in A, texts in B, and in C a
    // formula over one of the numbers, with its value stored.
    private static void fill(XSSFSheet sheet, Shape shape) {
        int rows = Math.max(shape.numbers(), Math.max(shape.texts(), shape.formulas()));
        for (int r = 0; r < rows; r++) {
            XSSFRow row = sheet.createRow(r);
            if (r < shape.numbers()) {
                row.createCell(0).setCellValue(number(r));
            }
            if (r < shape.texts()) {
                row.createCell(1).setCellValue("label " + r);
            }
            if (r < shape.formulas()) {
                XSSFCell cell = row.createCell(2);
                if (shape.numbers() == 0) {
                    cell.setCellFormula("1+1");
                    cell.setCellValue(2);
                } else {
                    int source = r % shape.numbers();
                    cell.setCellFormula("A" + (source + 1) + "*2");
                    cell.setCellValue(number(source) * 2);
                }
            }
        }
    }

    private static double number(int row) {
        return 0.5 + row;
    }
}
