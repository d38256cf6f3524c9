package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import gradbook.audit.AnswerKey;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #3: gradbook key writes an answer key by name and cell.
class KeyCommandTest {
    @Test
    void the_key_gives_each_expected_value_with_its_tolerance_hand_cell_and_output_cell()
            throws Exception {
        // given
        Path output = Fixtures.folder(getClass(), "key-example").resolve("key-example.xlsx");
        Cli.run("run", Cli.EXAMPLE.toString(), "-o", output.toString());

        // when
        Cli.Result run = Cli.run("key", Cli.EXAMPLE.toString());

        // then
        assertEquals(0, run.exit(), run.err());
        JsonObject key = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("gradbook-key", key.get("format").getAsString());
        assertEquals("textbook", key.get("convention").getAsString());
        JsonObject dE_dW_1 = find(key, "dE_dW_1", 1, 2);
        assertEquals(-0.038875229, dE_dW_1.get("expected").getAsDouble(), 1e-9);
        assertEquals(0.038875229e-5, dE_dW_1.get("tolerance").getAsDouble(), 1e-13);
        assertEquals("-0.0388752", dE_dW_1.get("six_digits").getAsString());
        assertEquals("'Hand Values'!C15", dE_dW_1.get("hand_cell").getAsString());
        try (InputStream in = Files.newInputStream(output);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (JsonElement e : key.getAsJsonArray("entries")) {
                JsonObject entry = e.getAsJsonObject();
                String name = entry.get("name").getAsString();
                AreaReference area = new AreaReference(wb.getName(name).getRefersToFormula(),
                        wb.getSpreadsheetVersion());
                var first = area.getFirstCell();
                String expected = "'" + first.getSheetName() + "'!"
                        + new org.apache.poi.ss.util.CellReference(
                                first.getRow() + entry.get("row").getAsInt() - 1,
                                first.getCol() + entry.get("col").getAsInt() - 1)
                                .formatAsString();
                assertEquals(expected, entry.get("output_cell").getAsString(), name);
            }
        }
        assertTrue(find(key, "z_0", 1, 1).get("hand_cell").isJsonPrimitive());
        assertTrue(find(key, "delta_0", 1, 1).get("hand_cell").isJsonNull(),
                "no hand_delta_0 in the template");
    }

    @Test
    void csv_key_and_an_output_file() throws Exception {
        // given
        Path out = Fixtures.folder(getClass(), "key").resolve("key.csv");
        Files.deleteIfExists(out);

        // when
        Cli.Result run = Cli.run("key", Cli.EXAMPLE.toString(), "--format", "csv", "-o",
                out.toString(), "--convention", "notebook");

        // then
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", AnswerKey.CSV_COLUMNS), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dE_dW_1,1,2,0.05583815")
                && l.contains(",0.0558382,'Hand Values'!C15,'Derivatives'!")), "dE_dW_1 in\n"
                + String.join("\n", lines));
    }

    @Test
    void the_key_refuses_to_overwrite_its_template() {
        // when
        Cli.Result run = Cli.run("key", Cli.EXAMPLE.toString(), "-o", Cli.EXAMPLE.toString());

        // then
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("is the template itself"), run.err());
    }

    @Test
    void a_key_file_gets_the_permissions_of_any_new_file() throws Exception {
        // Files.createTempFile makes its file owner-only; the key is moved into place from one.
        Path folder = Fixtures.folder(getClass(), "permissions");
        Path key = folder.resolve("key.json");
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        Cli.Result run = Cli.run("key", Cli.EXAMPLE.toString(), "-o", key.toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(key));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void the_key_names_a_missing_output_folder_before_any_work() {
        Path missing = Path.of("target", "test-workbooks", "no-such-folder", "key.json");

        Cli.Result run = Cli.run("key", Cli.EXAMPLE.toString(), "-o", missing.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("key.json: the folder ")
                && run.err().contains("no-such-folder does not exist"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void the_key_of_a_protected_template_needs_its_password() {
        // given: the example template, encrypted as Excel does
        Path folder = Fixtures.folder(getClass(), "password");
        Path locked = Fixtures.encrypted(Cli.EXAMPLE, folder.resolve("locked.xlsx"), "s3cret");

        // when
        Cli.Result without = Cli.run("key", locked.toString());
        Cli.Result with = Cli.run("key", locked.toString(), "--password", "s3cret");
        Cli.Result plain = Cli.run("key", Cli.EXAMPLE.toString());

        // then
        assertEquals(1, without.exit(), without.toString());
        assertEquals("", without.out());
        assertTrue(without.err().contains("--password"), without.err());
        assertEquals(0, with.exit(), with.toString());
        assertEquals(plain.out().replace("worked-example.xlsx", "locked.xlsx"), with.out());
    }

    private static JsonObject find(JsonObject key, String name, int row, int col) {
        for (JsonElement e : key.getAsJsonArray("entries")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("name").getAsString().equals(name) && o.get("row").getAsInt() == row
                    && o.get("col").getAsInt() == col) {
                return o;
            }
        }
        throw new AssertionError("no entry " + name + " [" + row + ", " + col + "]");
    }
}
