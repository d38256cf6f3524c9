package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Issue 5, output: where gradbook may write, what it may replace, and how it writes. */
class RunCommandOutputTest {

    @Test
    void reports_an_output_folder_that_does_not_exist() {
        TemplateCase c = new TemplateCase(getClass(), "no-folder", wb -> { });
        Path output = c.output.resolveSibling("nowhere").resolve("out.xlsx");

        Cli.Result r = Cli.run("run", c.template, "-o", output);

        assertRefused(r, c.before, output, "the folder", "nowhere does not exist",
                "create it or choose another -o");
    }

    @Test
    void reports_a_read_only_output_folder() throws Exception {
        // given
        TemplateCase c = new TemplateCase(getClass(), "read-only", wb -> { });
        Path folder = Files.createDirectories(c.output.resolveSibling("locked"));
        Path output = folder.resolve("out.xlsx");
        try (ReadOnly locked = ReadOnly.make(folder)) {
            // when
            Cli.Result r = Cli.run("run", c.template, "-o", output);

            // then
            assertRefused(r, c.before, output, "locked is read-only",
                    "make the folder writable");
        }
    }

    @Test
    void reports_an_output_that_is_a_folder() throws IOException {
        TemplateCase c = new TemplateCase(getClass(), "output-folder", wb -> { });
        Path output = Files.createDirectories(c.output.resolveSibling("taken.xlsx"));

        Cli.Result r = Cli.run("run", c.template, "-o", output);

        assertEquals(1, r.exit(), r.toString());
        Cli.assertClearMessages(r);
        assertTrue(r.err().contains("taken.xlsx: is a folder"), r.toString());
        assertTrue(Files.isDirectory(output));
        c.before.assertUnchanged();
    }

    @Test
    void keeps_an_existing_file_that_gradbook_did_not_write_unless_forced() {
        // given: a file of someone else's where the output would go
        TemplateCase c = new TemplateCase(getClass(), "foreign", wb -> { });
        byte[] theirs = "someone's notes".getBytes(StandardCharsets.UTF_8);
        Fixtures.write(c.output, theirs);

        // when
        Cli.Result refused = c.run();

        // then: refused and untouched; with --force, replaced
        assertEquals(1, refused.exit(), refused.toString());
        Cli.assertClearMessages(refused);
        assertTrue(refused.err().contains("out.xlsx: exists and was not written by gradbook;"
                + " give --force to replace it"), refused.toString());
        assertArrayEquals(theirs, Fixtures.bytes(c.output));
        c.before.assertUnchanged();

        Cli.Result forced = c.run("--force");

        assertEquals(0, forced.exit(), forced.toString());
        Fixtures.open(c.output).getSheet("Weight Updates");
        c.before.assertUnchanged();
    }

    @Test
    void replaces_an_existing_output_that_gradbook_wrote() {
        // given
        TemplateCase c = new TemplateCase(getClass(), "own", wb -> { });
        assertEquals(0, c.run().exit());
        byte[] first = Fixtures.bytes(c.output);

        // when: the template's eta changes and the run is repeated
        Fixtures.edit(c.template, wb -> wb.getSheet("Parameters").getRow(17).getCell(1)
                .setCellValue(0.2));
        Cli.Result r = c.run();

        // then
        assertEquals(0, r.exit(), r.toString());
        assertFalse(java.util.Arrays.equals(first, Fixtures.bytes(c.output)));
        assertEquals(0.2, Outputs.nameValue(Fixtures.open(c.output), "step_W_0")
                / Outputs.nameValue(Fixtures.open(c.output), "dE_dW_0") * -1, 1e-12);
        Cli.assertNoTemporaryFiles(c.output.getParent());
    }

    @Test
    void writes_a_new_output_readable_like_an_ordinary_file() throws IOException {
        TemplateCase c = new TemplateCase(getClass(), "permissions", wb -> { });

        Cli.Result r = c.run();

        assertEquals(0, r.exit(), r.toString());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(c.output)));
    }

    @Test
    void treats_the_template_as_output_as_a_usage_error_unless_in_place() {
        TemplateCase c = new TemplateCase(getClass(), "self", wb -> { });

        Cli.Result r = Cli.run("run", c.template, "-o", c.template);

        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("is the template itself"), r.toString());
        assertTrue(r.err().contains("--in-place"), r.toString());
        c.before.assertUnchanged();
    }

    @Test
    void refuses_in_place_with_an_output_or_on_a_macro_workbook() throws IOException {
        TemplateCase c = new TemplateCase(getClass(), "in-place-usage", wb -> { });
        Path xlsm = Files.copy(c.template, c.template.resolveSibling("t.xlsm"));

        Cli.Result both = Cli.run("run", c.template, "--in-place", "-o", c.output);
        Cli.Result macro = Cli.run("run", xlsm, "--in-place");

        assertEquals(2, both.exit(), both.toString());
        assertTrue(both.err().contains("either --in-place or -o, not both"), both.toString());
        assertEquals(2, macro.exit(), macro.toString());
        assertTrue(macro.err().contains("--in-place needs an .xlsx template"), macro.toString());
        c.before.assertUnchanged();
        assertFalse(Files.exists(c.output));
    }

    @Test
    void leaves_the_template_as_it_was_when_an_in_place_run_fails() {
        TemplateCase c = new TemplateCase(getClass(), "in-place-fails",
                wb -> wb.getSheet("Parameters").getRow(7).getCell(1).setCellValue("one"));

        Cli.Result r = Cli.run("run", c.template, "--in-place");

        assertRefused(r, c.before, c.output, "cell B8 (range W_0): expected a number");
    }

    @Test
    void reports_the_output_problem_and_the_template_problems_in_one_run() {
        TemplateCase c = new TemplateCase(getClass(), "both",
                wb -> wb.removeName(wb.getName("eta")));
        Path output = c.output.resolveSibling("nowhere").resolve("out.xlsx");

        Cli.Result r = Cli.run("run", c.template, "-o", output);

        assertRefused(r, c.before, output, "does not define eta", "nowhere does not exist");
    }

    /**
     * Makes a folder read-only for the duration of a test. Root writes into a folder whatever
     * its mode, so when the mode is not enough the folder is made immutable with chattr, or,
     * where the file system has no such flag, covered by a read-only tmpfs.
     */
    static final class ReadOnly implements AutoCloseable {
        private final Path folder;
        private final String undo;

        private ReadOnly(Path folder, String undo) {
            this.folder = folder;
            this.undo = undo;
        }

        static ReadOnly make(Path folder) throws IOException, InterruptedException {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            ReadOnly locked = !Files.isWritable(folder) ? new ReadOnly(folder, null)
                    : run("chattr", "+i", folder.toString()) == 0
                            ? new ReadOnly(folder, "chattr")
                            : run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs",
                                    folder.toString()) == 0
                                    ? new ReadOnly(folder, "umount") : null;
            assertTrue(locked != null && !Files.isWritable(folder),
                    "could not make " + folder + " read-only");
            return locked;
        }

        @Override
        public void close() throws Exception {
            if ("chattr".equals(undo)) {
                run("chattr", "-i", folder.toString());
            } else if ("umount".equals(undo)) {
                run("umount", folder.toString());
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        private static int run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        }
    }
}
