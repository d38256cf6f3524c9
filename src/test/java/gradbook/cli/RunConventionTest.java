package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.BatchGradient;
import gradbook.core.Loss;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.workbook.Provenance;
import gradbook.workbook.TemplateWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #3: run under a convention, with an Audit sheet for the template's hand values; issue
// #7: run with --formulas.
class RunConventionTest {
    @Test
    void the_network_sheet_says_the_notebook_values_are_not_the_gradients_of_E()
            throws Exception {
        // given
        Path out = Fixtures.folder(getClass(), "run-notebook").resolve("run-notebook.xlsx");

        // when
        Cli.Result run = Cli.run("run", Cli.EXAMPLE.toString(), "-o", out.toString(),
                "--convention", "notebook");

        // then
        assertEquals(0, run.exit(), run.err());
        try (XSSFWorkbook wb = open(out)) {
            String line = wb.getSheet("Network").getRow(2).getCell(0).getStringCellValue();
            assertTrue(line.contains("with the notebook convention"), line);
            assertTrue(line.contains("NOT the gradients of E"), line);
            XSSFSheet audit = wb.getSheet("Audit");
            assertEquals(34, count(audit, "match"), "entries matching on the Audit sheet");
        }
    }

    @Test
    void run_with_formulas_none_writes_the_values_only_and_records_the_mode() throws Exception {
        // given
        Path out = Fixtures.folder(getClass(), "run-none").resolve("run-none.xlsx");

        // when
        Cli.Result run = Cli.run("run", Cli.EXAMPLE.toString(), "-o", out.toString(),
                "--formulas", "none");

        // then
        assertEquals(0, run.exit(), run.err());
        assertEquals("none", Provenance.read(out).formulas());
        try (XSSFWorkbook wb = open(out)) {
            Cell z = wb.getSheet("First Layer").getRow(4).getCell(1); // B5, z_0[1]
            assertEquals(CellType.NUMERIC, z.getCellType(), "z_0's Java value");
            for (Row row : wb.getSheet("First Layer")) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType(), cell.getAddress()
                            .formatAsString());
                }
            }
        }
    }

    @Test
    void the_default_run_flags_the_backward_entries_on_the_audit_sheet() throws Exception {
        // given
        Path out = Fixtures.folder(getClass(), "run-textbook").resolve("run-textbook.xlsx");

        // when
        Cli.Result run = Cli.run("run", Cli.EXAMPLE.toString(), "-o", out.toString());

        // then
        assertEquals(0, run.exit(), run.err());
        try (XSSFWorkbook wb = open(out)) {
            String line = wb.getSheet("Network").getRow(2).getCell(0).getStringCellValue();
            assertTrue(line.contains("with the textbook convention"), line);
            assertEquals(10, count(wb.getSheet("Audit"), "match"));
            assertEquals(24, count(wb.getSheet("Audit"), "mismatch"));
            assertTrue(wb.getSheet("Gradient Check") != null);
        }
    }

    // Issue #7: the document's code knows only the sigmoid, half_sse and one sample.
    @Test
    void the_notebook_convention_refuses_another_loss_in_one_line() throws Exception {
        // given the example's network under the loss sse
        Path folder = Fixtures.folder(getClass(), "sse");
        Path template = folder.resolve("sse.xlsx");
        Network example = Networks.workedExample();
        TemplateWriter.write(example.withFunctions(example.activation(), Loss.SSE,
                BatchGradient.SUM), "sse", template);
        Path out = folder.resolve("sse-gradbook.xlsx");
        Files.deleteIfExists(out);

        // when
        Cli.Result run = Cli.run("run", template.toString(), "-o", out.toString(),
                "--convention", "notebook");

        // then
        assertEquals(1, run.exit());
        assertEquals("gradbook: sse.xlsx: the notebook convention is defined only for the"
                + " document's case: the sigmoid on both layers, the loss half_sse and one"
                + " sample; this network has activation sigmoid, sigmoid, loss sse and 1 sample;"
                + " use --convention textbook",
                run.err().strip());
        assertFalse(Files.exists(out), "no output written");
    }

    @Test
    void the_notebook_convention_refuses_a_network_of_three_layers_in_one_line()
            throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "three-layers");
        Path template = folder.resolve("three-layers.xlsx");
        TemplateWriter.write(Networks.random(new Random(1), 2, 2, 2, 2), "three", template);
        Path out = folder.resolve("three-layers-gradbook.xlsx");
        Files.deleteIfExists(out);

        // when
        Cli.Result run = Cli.run("run", template.toString(), "-o", out.toString(),
                "--convention", "notebook");

        // then
        assertEquals(1, run.exit());
        assertEquals("gradbook: three-layers.xlsx: the notebook convention is defined only where"
                + " the document's code runs: two layers, with x, a_0 and a_1 of one width; this"
                + " network has 3 layers of widths 2, 2, 2, 2 (x first); use --convention"
                + " textbook", run.err().strip());
        assertFalse(Files.exists(out), "no output written");
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static int count(XSSFSheet sheet, String verdict) {
        int n = 0;
        for (var row : sheet) {
            var cell = row.getCell(7);
            if (cell != null && cell.getStringCellValue().equals(verdict)) {
                n++;
            }
        }
        return n;
    }
}
