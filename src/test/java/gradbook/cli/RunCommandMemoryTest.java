package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 part 4: the generated sheets are streamed, so memory stays bounded as a layer grows.
 * A child JVM runs gradbook's main class on a network of 200 inputs, 100 hidden units and 10
 * outputs (21,110 parameters, about 400,000 cells written) in a heap of {@value #HEAP}. The
 * writer that held every cell as an XSSF cell ran out of memory on it even at -Xmx256m.
 */
class RunCommandMemoryTest {
    private static final String HEAP = "-Xmx96m";
    private static final int INPUTS = 200;
    private static final int HIDDEN = 100;
    private static final int OUTPUTS = 10;

    @Test
    void writes_a_layer_of_a_hundred_units_on_two_hundred_inputs_in_a_small_heap()
            throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "wide");
        Network network = wide();
        Path template = Fixtures.template(network, folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Path temporary = Files.createDirectories(folder.resolve("tmp"));

        // when
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Djava.io.tmpdir=" + temporary.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook",
                // every twin, the most cells a workbook of this network can have
                "run", template.toString(), "-o", output.toString(), "--formulas", "all")
                .redirectErrorStream(true).start();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child did not end");

        // then: written, with the Java values of the core and formulas that evaluate to them
        assertEquals(0, child.exitValue(), said);
        Trace trace = GradientStep.take(network);
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (String name : List.of("z_0", "a_1", "E", "dE_dW_0", "dE_db_1", "W_0_new",
                    "W_1_new")) {
                Matrix expected = trace.value(name);
                int rows = expected.rows();
                int cols = expected.cols();
                for (int[] entry : List.of(new int[] {0, 0}, new int[] {rows / 2, cols / 2},
                        new int[] {rows - 1, cols - 1})) {
                    Cell java = cell(wb, name, entry[0], entry[1]);
                    double v = expected.get(entry[0], entry[1]);
                    assertEquals(v, java.getNumericCellValue(), 0, name + " " + entry[0] + ","
                            + entry[1]);
                    Cell twin = twinOf(java, entry[1]);
                    assertEquals(v, evaluator.evaluate(twin).getNumberValue(),
                            1e-9 * Math.max(1, Math.abs(v)), name + "'s twin at "
                            + twin.getAddress() + " =" + twin.getCellFormula());
                }
            }
        }
        assertEquals(List.of(), files(temporary), "temporary files left behind");
    }

    // Entry (i, j) of the Java values of the quantity a defined name points at.
    private static Cell cell(XSSFWorkbook wb, String name, int i, int j) {
        AreaReference area = new AreaReference(wb.getName(name).getRefersToFormula(),
                wb.getSpreadsheetVersion());
        CellReference first = area.getFirstCell();
        return wb.getSheet(first.getSheetName()).getRow(first.getRow() + i)
                .getCell(first.getCol() + j);
    }

    // A row of a quantity holds its Java values, then its twins, then their differences:
    // the twin of entry j is the row's (j + 1)th formula.
    private static Cell twinOf(Cell java, int j) {
        int formulas = 0;
        for (Cell c : java.getRow()) {
            if (c.getCellType() == CellType.FORMULA && formulas++ == j) {
                return c;
            }
        }
        throw new AssertionError("no twin in the row of " + java.getAddress());
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    // Weights of deviation 1/√fan-in, so that the sigmoid units are not saturated.
    private static Network wide() {
        Random random = new Random(7);
        int[] widths = {INPUTS, HIDDEN, OUTPUTS};
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            double[][] w = new double[widths[k]][widths[k + 1]];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextGaussian() / Math.sqrt(widths[k]);
                }
            }
            W.add(Matrix.of(w));
            b.add(Matrix.filled(widths[k + 1], 1, 0.1));
        }
        double[] x = new double[INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        double[] y = new double[OUTPUTS];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble();
        }
        return new Network(Matrix.column(x), Matrix.column(y), W, b, 0.1);
    }
}
