package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import gradbook.audit.AnswerKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #3: gradbook key writes an answer key by name and cell.
class KeyCommandTest {
    /** The answer keys gradbook wrote before it streamed them, and their templates. */
    private static final String KEYS = "src/test/resources/gradbook/audit/answer-keys";
    private static final String HEAP = "-Xmx80m";

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
        Cli.Result dash = Cli.run("key", Cli.EXAMPLE.toString(), "--format", "csv", "-o", "-",
                "--convention", "notebook");
        assertEquals(Files.readString(out), dash.out(), "-o - is standard output");
        assertFalse(Files.exists(Path.of("-")), "no file named -");
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
    void a_password_to_ask_for_with_no_terminal_stops_before_anything_is_read_or_written() {
        // given: tests run without a terminal, as a key redirected to a file or a pipe does
        Path folder = Fixtures.folder(getClass(), "password-ask");
        Path locked = Fixtures.encrypted(Cli.EXAMPLE, folder.resolve("locked.xlsx"), "s3cret");

        // when: --password without a value, which picocli would have asked for on stdout
        Cli.Result key = Cli.run("key", locked, "--password");
        Cli.Result check = Cli.run("check", locked, "--format", "csv", "--password");

        // then
        for (Cli.Result r : List.of(key, check)) {
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.out(), "nothing on standard output");
            assertTrue(r.err().lines().findFirst().orElse("").contains("give it as"
                    + " --password=PASSWORD"), r.err());
        }
    }

    @Test
    void an_existing_file_is_replaced_only_if_it_is_a_key_gradbook_wrote_or_with_force()
            throws Exception {
        // given: a person's workbook, a key gradbook wrote in each format, and a link to a key
        Path folder = Fixtures.folder(getClass(), "existing");
        Path precious = Files.copy(Cli.EXAMPLE, folder.resolve("precious.xlsx"));
        Cli.Snapshot before = Cli.Snapshot.of(precious);
        Path json = folder.resolve("old.json");
        Path csv = folder.resolve("old.csv");
        Cli.run("key", Cli.EXAMPLE, "-o", json);
        Cli.run("key", Cli.EXAMPLE, "--format", "csv", "-o", csv);
        Path link = Files.createSymbolicLink(folder.resolve("link.json"), json.getFileName());

        // when
        Cli.Result kept = Cli.run("key", Cli.EXAMPLE, "-o", precious);
        Cli.Result jsonAgain = Cli.run("key", Cli.EXAMPLE, "--convention", "notebook", "-o",
                json);
        Cli.Result csvAgain = Cli.run("key", Cli.EXAMPLE, "--format", "csv", "-o", csv);
        Cli.Result throughLink = Cli.run("key", Cli.EXAMPLE, "-o", link);
        Path toPrecious = Files.createSymbolicLink(folder.resolve("also.xlsx"),
                precious.getFileName());
        Cli.Result toTemplate = Cli.run("key", precious, "-o", toPrecious, "--force");

        // then: the person's file is kept, with one line that says how to replace it
        assertEquals(1, kept.exit(), kept.toString());
        Cli.assertClearMessages(kept);
        assertTrue(kept.err().contains("is not an answer key gradbook wrote; give --force"),
                kept.err());
        before.assertUnchanged();
        assertEquals(0, jsonAgain.exit(), jsonAgain.toString());
        assertEquals(0, csvAgain.exit(), csvAgain.toString());
        // a link stays a link, to the key just written
        assertEquals(0, throughLink.exit(), throughLink.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Files.readString(json).contains("\"convention\": \"textbook\""),
                "the key written through the link");
        assertEquals(2, toTemplate.exit(), toTemplate.toString());
        before.assertUnchanged();

        // and --force replaces the person's file
        Cli.Result forced = Cli.run("key", Cli.EXAMPLE, "-o", precious, "--force");
        assertEquals(0, forced.exit(), forced.toString());
        assertTrue(AnswerKey.isKey(precious), "replaced by a key");
        Cli.assertNoTemporaryFiles(folder);
    }

    @Test
    void a_pipe_or_a_device_as_out_is_refused_not_replaced() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "fifo");
        Path fifo = folder.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());

        // when
        Cli.Result r = Cli.run("key", Cli.EXAMPLE, "-o", fifo, "--force");

        // then
        assertEquals(1, r.exit(), r.toString());
        Cli.assertClearMessages(r);
        assertTrue(r.err().contains("is not a regular file"), r.err());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is kept");
        Cli.assertNoTemporaryFiles(folder);
    }

    @Test
    void a_standard_output_that_cannot_be_written_is_an_error_not_a_success() {
        for (String command : List.of("key", "check")) {
            // given: standard output on a full disk or a closed pipe, which fails every write
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine cl = Gradbook.commandLine();
            cl.setOut(new java.io.PrintWriter(new java.io.Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void flush() throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void close() {
                }
            }));
            cl.setErr(new java.io.PrintWriter(err, true));

            // when
            int exit = cl.execute(command, Cli.EXAMPLE.toString());

            // then
            assertEquals(1, exit, command + ": " + err);
            assertTrue(err.toString().startsWith("gradbook: standard output could not be"
                    + " written"), command + ": " + err);
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
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

    /**
     * Review finding F4: the key is written entry by entry, not built whole in memory first. The
     * keys under {@value #KEYS} were written by gradbook before that change (commit 4acbc2b);
     * the key written now, to standard output and to a file, has the same bytes.
     */
    @Test
    void the_streamed_key_has_the_bytes_of_the_key_built_whole_before() throws Exception {
        Path folder = Fixtures.folder(getClass(), "streamed");
        for (String name : List.of("worked-example-textbook.json",
                "worked-example-textbook.csv", "worked-example-notebook.csv",
                "classifier-example-textbook.json", "classifier-example-textbook.csv",
                "two-samples-textbook.json", "two-samples-textbook.csv")) {
            // given
            String[] parts = name.split("[-.]");
            String format = parts[parts.length - 1];
            String convention = parts[parts.length - 2];
            String base = name.substring(0, name.lastIndexOf('-'));
            Path template = Files.exists(Path.of("templates", base + ".xlsx"))
                    ? Path.of("templates", base + ".xlsx") : Path.of(KEYS, base + ".xlsx");
            byte[] before = Files.readAllBytes(Path.of(KEYS, name));
            Path file = folder.resolve(name);

            // when
            Cli.Result toOut = Cli.run("key", template, "--format", format, "--convention",
                    convention);
            Cli.Result toFile = Cli.run("key", template, "--format", format, "--convention",
                    convention, "-o", file);

            // then: the JSON ends in the line break of the system it is written on
            String expected = new String(before, StandardCharsets.UTF_8);
            if (format.equals("json")) {
                expected = expected.substring(0, expected.length() - 1)
                        + System.lineSeparator();
            }
            assertEquals(0, toOut.exit(), toOut.toString());
            assertEquals(expected, toOut.out(), name + " on standard output");
            assertEquals(0, toFile.exit(), toFile.toString());
            assertEquals(expected, Files.readString(file), name + " in a file");
        }
    }

    /**
     * Review finding F4: the key of a network of 200 inputs, 100 hidden units and 10 outputs
     * (21,110 parameters, a key of 18 MB) is written in a heap of {@value #HEAP}. Built whole
     * as one String first, it ran out of memory even at -Xmx96m.
     */
    @Test
    void the_key_of_a_wide_network_is_written_in_a_small_heap() throws Exception {
        // given the exercise gradbook new makes, every hand cell named
        Path folder = Fixtures.folder(getClass(), "wide");
        Path template = folder.resolve("wide.xlsx");
        Path key = folder.resolve("wide-key.json");
        Cli.Result made = Cli.run("new", template, "--layers", "200,100,10", "--seed", "1");
        assertEquals(0, made.exit(), made.toString());

        // when
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook",
                "key", template.toString(), "-o", key.toString())
                .redirectErrorStream(true).start();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child did not end");

        // then: every entry of W_0's gradient is there, the last one included
        assertEquals(0, child.exitValue(), said);
        assertEquals("", said);
        JsonObject written;
        try (var in = Files.newBufferedReader(key)) {
            written = JsonParser.parseReader(in).getAsJsonObject();
        }
        assertEquals("'Derivatives'!", find(written, "dE_dW_0", 200, 100)
                .get("output_cell").getAsString().substring(0, 14));
        Cli.assertNoTemporaryFiles(folder);
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
