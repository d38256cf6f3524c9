package gradbook.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.batch.Generation;
import gradbook.workbook.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code gradbook run} as a person runs it: exit codes, the one line on success, one line per
 * problem on standard error, and no file left behind by a run that fails.
 */
class RunCommandTest {
    private static final Path EXAMPLE = Path.of("templates", "worked-example.xlsx")
            .toAbsolutePath();
    private static final String NL = System.lineSeparator();

    /** A fresh folder per test, under target so a person can look at what a test left. */
    private Path folder;

    @BeforeEach
    void fresh_folder(TestInfo test) throws IOException {
        folder = Path.of("target", "test-workbooks", "RunCommandTest",
                test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
    }

    @Test
    void writes_the_example_and_prints_one_line_saying_where() throws Exception {
        // given
        Path out = folder.resolve("example.xlsx");

        // when
        Result r = gradbook("run", EXAMPLE.toString(), "-o", out.toString());

        // then
        assertEquals(0, r.code(), r.toString());
        assertEquals("wrote " + out + NL, r.out(), "standard output");
        assertEquals("", r.err(), "standard error");
        assertEquals("", r.console(), "System.out and System.err");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook written =
                new XSSFWorkbook(in)) {
            assertTrue(written.getSheet("Weight Updates") != null, "the generated sheets");
        }
        assertFolderHolds("example.xlsx");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            templates/worked-example.xlsx | worked-example-gradbook.xlsx
            /data/net.v2.xlsx             | net.v2-gradbook.xlsx
            exercise.XLSX                 | exercise-gradbook.xlsx
            no-extension                  | no-extension-gradbook.xlsx
            .hidden.xlsx                  | .hidden-gradbook.xlsx
            """)
    void names_the_default_output_after_the_template_in_the_current_folder(String template,
            String expected) {
        // given a template path

        // when
        Path output = Path.of(Generation.outputName(Path.of(template)));

        // then
        assertEquals(Path.of(expected), output);
        assertEquals(null, output.getParent(), "in the current folder");
    }

    @Test
    void rejects_a_file_that_is_not_a_workbook_in_one_line_naming_it() throws Exception {
        // given
        Path notes = folder.resolve("notes.xlsx");
        Files.writeString(notes, "these are my notes, not a workbook\n");

        // when
        Result r = gradbook("run", notes.toString(), "-o", folder.resolve("out.xlsx").toString());

        // then
        assertOneLineError(r, 1, "gradbook: notes.xlsx: not a spreadsheet");
        assertFolderHolds("notes.xlsx");
    }

    @Test
    void rejects_a_missing_template_in_one_line_naming_it() throws Exception {
        // given
        Path absent = folder.resolve("absent.xlsx");

        // when
        Result r = gradbook("run", absent.toString(), "-o", folder.resolve("out.xlsx").toString());

        // then
        assertOneLineError(r, 1, "gradbook: " + absent + ": no such file");
        assertFolderHolds();
    }

    @Test
    void rejects_a_template_with_a_text_cell_in_one_line_naming_file_sheet_cell_and_name()
            throws Exception {
        // given
        Path template = withTextInFirstWeight("text-cell.xlsx");

        // when
        Result r = gradbook("run", template.toString(), "-o",
                folder.resolve("out.xlsx").toString());

        // then
        assertOneLineError(r, 1, "gradbook: text-cell.xlsx, sheet Parameters, cell B8 (range W_0):"
                + " expected a number but found the text \"abc\"");
        assertFolderHolds("text-cell.xlsx");
    }

    @Test
    void keeps_an_existing_output_untouched_when_the_run_fails() throws Exception {
        // given
        Path template = withTextInFirstWeight("text-cell.xlsx");
        Path out = folder.resolve("last-week.xlsx");
        byte[] lastWeek = "last week's workbook".getBytes(UTF_8);
        Files.write(out, lastWeek);

        // when
        Result r = gradbook("run", template.toString(), "-o", out.toString());

        // then
        assertEquals(1, r.code(), r.toString());
        assertArrayEquals(lastWeek, Files.readAllBytes(out), "the existing output");
        assertFolderHolds("last-week.xlsx", "text-cell.xlsx");
    }

    @Test
    void says_how_to_run_when_there_is_no_subcommand() {
        // when
        Result r = gradbook();

        // then
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("name a subcommand, e.g. gradbook run TEMPLATE.xlsx" + NL),
                r.err());
        assertEquals("", r.out(), "standard output");
    }

    @Test
    void exits_2_naming_the_missing_template_argument() throws Exception {
        // when
        Result r = gradbook("run");

        // then
        assertUsageError(r, "Missing required parameter: 'TEMPLATE'");
        assertFolderHolds();
    }

    @Test
    void exits_2_naming_an_unknown_option() throws Exception {
        // when
        Result r = gradbook("run", EXAMPLE.toString(), "--frobnicate");

        // then
        assertUsageError(r, "Unknown option: '--frobnicate'");
        assertFolderHolds();
    }

    @Test
    void exits_2_and_leaves_the_template_alone_when_the_output_is_the_template()
            throws Exception {
        // given the template, and other spellings of it: through "..", a hard link
        Path template = folder.resolve("mine.xlsx");
        Files.copy(EXAMPLE, template);
        Files.createLink(folder.resolve("linked.xlsx"), template);
        byte[] before = Files.readAllBytes(template);
        List<String> spellings = List.of(template.toString(),
                folder.resolve("../" + folder.getFileName() + "/mine.xlsx").toString(),
                folder.resolve("linked.xlsx").toString());

        for (String spelling : spellings) {
            // when
            Result r = gradbook("run", template.toString(), "-o", spelling);

            // then
            assertOneLineError(r, 2, "gradbook: " + spelling + ": is the template itself");
        }
        assertArrayEquals(before, Files.readAllBytes(template), "the template's bytes");
        assertFolderHolds("linked.xlsx", "mine.xlsx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.xls", "out.csv", "out", "out.xlsx.bak"})
    void exits_2_when_the_output_does_not_end_in_xlsx(String name) throws Exception {
        // given
        Path out = folder.resolve(name);

        // when
        Result r = gradbook("run", EXAMPLE.toString(), "-o", out.toString());

        // then
        assertOneLineError(r, 2, "gradbook: " + out + ": the output must be an .xlsx file");
        assertFolderHolds();
    }

    @Test
    void exits_1_when_the_output_folder_does_not_exist() throws Exception {
        // given
        Path out = folder.resolve("missing").resolve("out.xlsx");

        // when
        Result r = gradbook("run", EXAMPLE.toString(), "-o", out.toString());

        // then
        assertOneLineError(r, 1, "gradbook: " + out + ": the folder " + out.getParent()
                + " does not exist");
        assertFolderHolds();
    }

    @Test
    void exits_with_one_line_not_a_stack_trace_when_a_path_has_no_file_name() throws Exception {
        // when
        Result asTemplate = gradbook("run", "/", "-o", folder.resolve("out.xlsx").toString());
        Result asOutput = gradbook("run", EXAMPLE.toString(), "-o", "/");

        // then
        assertOneLineError(asTemplate, 1, "gradbook: /: not a file");
        assertOneLineError(asOutput, 2, "gradbook: /: the output must be an .xlsx file");
        assertFolderHolds();
    }

    @Test
    void help_lists_the_exit_codes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"})) {
            // when
            Result r = gradbook(args);

            // then
            String what = "gradbook " + String.join(" ", args);
            assertEquals(0, r.code(), what);
            assertEquals("", r.err(), what + ": standard error");
            assertTrue(r.out().contains("Exit codes:" + NL), what + ":" + NL + r.out());
            for (String code : List.of("0", "1", "2")) {
                assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(code + " ")),
                        what + " lists exit code " + code + ":" + NL + r.out());
            }
        }
    }

    @Test
    void version_prints_gradbook_and_the_built_version() {
        // when
        Result r = gradbook("--version");

        // then
        assertEquals(0, r.code(), r.toString());
        assertEquals("gradbook " + Version.get() + NL, r.out(), r.toString());
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), "a version number, not "
                + Version.get());
    }

    @Test
    void a_fresh_java_process_prints_one_line_and_nothing_on_standard_error() throws Exception {
        // given a JVM in which nothing has touched POI or Log4j yet
        Path out = folder.resolve("fresh.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), Gradbook.class.getName(), "run",
                EXAMPLE.toString(), "-o", out.toString()));
        Path stdout = Files.createTempFile("gradbook-out", ".txt");
        Path stderr = Files.createTempFile("gradbook-err", ".txt");

        // when
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);

        // then
        assertTrue(finished, "the run ends");
        assertEquals("", Files.readString(stderr), "standard error");
        assertEquals("wrote " + out + NL, Files.readString(stdout), "standard output");
        assertEquals(0, p.exitValue(), "exit code");
        Files.delete(stdout);
        Files.delete(stderr);
    }

    // ---------------------------------------------------------------------------------------

    /** What a run returned and printed, through picocli's writers and directly to System. */
    private record Result(int code, String out, String err, String console) {
    }

    // System.out and System.err are replaced before the command line is made: picocli's
    // default execution strategy remembers the System.out of its making, and on execute puts a
    // writer on that stream in place of setOut's if System.out has changed since.
    private static Result gradbook(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int code;
        try {
            CommandLine cli = Gradbook.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new Result(code, out.toString(), err.toString(), console.toString(UTF_8));
    }

    private static void assertOneLineError(Result r, int code, String start) {
        assertEquals(code, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line on standard error: " + r.err());
        assertTrue(r.err().startsWith(start), "expected a line starting " + start + NL
                + "but was " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertEquals("", r.out(), "standard output");
        assertEquals("", r.console(), "System.out and System.err");
    }

    // picocli's usage errors: the problem on the first line, then the usage to help fix it.
    private static void assertUsageError(Result r, String firstLine) {
        assertEquals(2, r.code(), r.toString());
        assertEquals(firstLine, r.err().lines().findFirst().orElse(""), r.err());
        assertTrue(r.err().contains("Usage: gradbook run"), r.err());
        assertEquals("", r.out(), "standard output");
        assertEquals("", r.console(), "System.out and System.err");
    }

    /** The folder holds exactly these files: no output, no temporary file left behind. */
    private void assertFolderHolds(String... names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(names), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "the files in " + folder);
        }
    }

    /** The worked example with the text "abc" in W_0's first cell. */
    private Path withTextInFirstWeight(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = Files.newInputStream(EXAMPLE);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Name W_0 = workbook.getName("W_0");
            CellReference first = new AreaReference(W_0.getRefersToFormula(),
                    SpreadsheetVersion.EXCEL2007).getFirstCell();
            workbook.getSheet(first.getSheetName()).getRow(first.getRow())
                    .getCell(first.getCol()).setCellValue("abc");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }
}
