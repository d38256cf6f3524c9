package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import gradbook.core.Network;
import gradbook.workbook.TemplateReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #7: gradbook new writes an exercise template from widths, functions and a seed.
class NewCommandTest {
    private static final String[] NETWORK = {"--layers", "3,4,2", "--activation", "tanh,softmax",
        "--loss", "cross_entropy", "--init", "he", "--samples", "2"};

    @Test
    void the_same_options_and_seed_write_the_same_bytes() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "same-bytes");
        Path first = folder.resolve("first.xlsx");
        Path second = folder.resolve("second.xlsx");

        // when
        Cli.Result one = Cli.run(args(first, "--seed", "7"));
        Cli.Result two = Cli.run(args(second, "--seed", "7"));

        // then
        assertEquals(0, one.exit(), one.toString());
        assertEquals(0, two.exit(), two.toString());
        assertEquals("wrote " + first + System.lineSeparator(), one.out());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "the bytes of " + first + " and " + second);
        Outputs.assertNoClock(first);
        try (ZipFile zip = new ZipFile(first.toFile())) {
            String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(core.contains("dcterms:created"), "a date created in " + core);
        }
    }

    @Test
    void another_seed_writes_other_weights() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "other-seed");
        Path seven = folder.resolve("seven.xlsx");
        Path eight = folder.resolve("eight.xlsx");

        // when
        Cli.run(args(seven, "--seed", "7"));
        Cli.run(args(eight, "--seed", "8"));

        // then
        Network a = TemplateReader.read(seven).network();
        Network b = TemplateReader.read(eight).network();
        assertNotEquals(a.W().get(0), b.W().get(0), "W_0");
        assertNotEquals(a.W().get(1), b.W().get(1), "W_1");
        assertEquals(List.of(3, 4), List.of(a.W().get(0).rows(), a.W().get(0).cols()));
        assertEquals(2, a.samples());
    }

    @Test
    void run_on_the_new_template_writes_a_workbook_whose_formulas_agree() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "run");
        Path template = folder.resolve("exercise.xlsx");
        Path output = folder.resolve("exercise-gradbook.xlsx");
        Cli.run(args(template, "--seed", "3"));

        // when
        Cli.Result run = Cli.run("run", template, "-o", output);

        // then
        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.err());
        try (InputStream in = Files.newInputStream(output);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
            assertTrue(wb.getSheet("Audit") != null, "an Audit sheet for the hand values");
        }
    }

    @Test
    void check_on_the_new_template_exits_0_with_every_hand_value_not_given() throws Exception {
        // given
        Path template = Fixtures.folder(getClass(), "fresh").resolve("fresh.xlsx");
        Cli.run(args(template));

        // when
        Cli.Result check = Cli.run("check", template, "--format", "json");

        // then
        assertEquals(0, check.exit(), check.toString());
        JsonObject summary = JsonParser.parseString(check.out()).getAsJsonObject()
                .getAsJsonObject("summary");
        int quantities = summary.get("quantities").getAsInt();
        // forward 4, error 2, ∂E/∂a 1, ∂a/∂z 1 (softmax has none), δ 2, gradients 4, steps 4,
        // updated parameters 4
        assertEquals(22, quantities, summary.toString());
        assertEquals(quantities, summary.get("not_given").getAsInt(), summary.toString());
        assertEquals(0, summary.get("entries_given").getAsInt(), summary.toString());
    }

    @Test
    void a_fresh_exercise_is_one_line_per_quantity_without_its_answers() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "compact");
        Path template = folder.resolve("fresh.xlsx");
        Path output = folder.resolve("fresh-gradbook.xlsx");
        Cli.run(args(template));
        JsonObject key = JsonParser.parseString(Cli.run("key", template).out())
                .getAsJsonObject();

        // when
        Cli.Result check = Cli.run("check", template);
        Cli.run("run", template, "-o", output);

        // then: a header, a line per quantity (22, as above), the totals
        assertEquals(0, check.exit(), check.toString());
        List<String> lines = check.out().lines().toList();
        assertEquals(1 + 22 + 1, lines.size(), check.out());
        String dW0 = lines.stream().filter(l -> l.startsWith("dE_dW_0 ")).findFirst()
                .orElseThrow();
        assertTrue(dW0.matches("dE_dW_0 +all 12 entries +'Hand Values'!B\\d+:E\\d+ +not-given"),
                dW0);
        try (InputStream in = Files.newInputStream(output);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet audit = wb.getSheet("Audit");
            int last = audit.getLastRowNum();
            assertEquals(22, last - headerRow(audit), "a row per quantity");
            for (int r = headerRow(audit) + 1; r <= last; r++) {
                assertEquals("not-given", audit.getRow(r).getCell(7).getStringCellValue());
                assertEquals(null, audit.getRow(r).getCell(5), "no computed value, row " + r);
            }
        }
        assertTrue(key.toString().contains("dE_dW_0"), "the key still has every answer");
    }

    private static int headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && "quantity".equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row on " + sheet.getSheetName());
    }

    @Test
    void the_keys_values_typed_into_the_hand_cells_match_and_one_wrong_value_does_not()
            throws Exception {
        // given a template, its answer key, and the key's six digits typed where it says
        Path folder = Fixtures.folder(getClass(), "typed");
        Path template = folder.resolve("exercise.xlsx");
        Cli.Result made = Cli.run(args(template, "--seed", "5", "--key"));
        Path key = folder.resolve("exercise-key.json");
        assertEquals("wrote " + template + " and " + key + System.lineSeparator(), made.out());
        Path right = folder.resolve("right.xlsx");
        Path wrong = folder.resolve("wrong.xlsx");
        JsonObject first = type(template, key, right, false);
        type(template, key, wrong, true);

        // when
        Cli.Result rightCheck = Cli.run("check", right);
        Cli.Result wrongCheck = Cli.run("check", wrong, "--format", "json");

        // then
        assertEquals(0, rightCheck.exit(), rightCheck.toString());
        assertEquals(0, rightCheck.outLines("not-given"), rightCheck.out());
        assertEquals(3, wrongCheck.exit(), wrongCheck.toString());
        JsonObject summary = JsonParser.parseString(wrongCheck.out()).getAsJsonObject()
                .getAsJsonObject("summary");
        assertEquals(1, summary.get("entries_wrong").getAsInt(), summary + " after negating "
                + first);
    }

    @Test
    void seeds_write_one_exercise_and_its_key_per_seed() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "seeds").resolve("class");

        // when
        Cli.Result run = Cli.run("new", "--seeds", "1..3", "-o", folder, "--layers", "2,2,1");

        // then
        assertEquals(0, run.exit(), run.toString());
        assertEquals("wrote 3 exercises and their answer keys in " + folder
                + System.lineSeparator(), run.out());
        try (var files = Files.list(folder)) {
            assertEquals(List.of("exercise-1-key.json", "exercise-1.xlsx", "exercise-2-key.json",
                    "exercise-2.xlsx", "exercise-3-key.json", "exercise-3.xlsx"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (int seed = 1; seed <= 3; seed++) {
            Path exercise = folder.resolve("exercise-" + seed + ".xlsx");
            Cli.Result key = Cli.run("key", exercise);
            assertEquals(key.out(), Files.readString(folder.resolve("exercise-" + seed
                    + "-key.json")), "the key beside " + exercise + " is gradbook key's");
        }
        assertNotEquals(TemplateReader.read(folder.resolve("exercise-1.xlsx")).network().W(),
                TemplateReader.read(folder.resolve("exercise-2.xlsx")).network().W());
    }

    @Test
    void given_inputs_and_labels_are_written_as_given() throws Exception {
        // given
        Path template = Fixtures.folder(getClass(), "given").resolve("given.xlsx");

        // when
        Cli.Result run = Cli.run("new", template, "--layers", "2,2", "--x", "1,0.5", "--x",
                "0,-1", "--y", "1,0", "--y", "0,1", "--eta", "0.5");

        // then
        assertEquals(0, run.exit(), run.toString());
        Network network = TemplateReader.read(template).network();
        assertEquals("[[1.0, 0.0], [0.5, -1.0]]", network.x().toString());
        assertEquals("[[1.0, 0.0], [0.0, 1.0]]", network.y().toString());
        assertEquals(0.5, network.eta());
    }

    @Test
    void bad_usage_exits_2_with_one_clear_line_and_writes_nothing() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "usage");
        Path out = folder.resolve("bad.xlsx");
        List<List<String>> cases = List.of(
                List.of("--layers", "2,-1"),
                List.of("--layers", "2"),
                List.of("--layers", "2,3", "--activation", "swish"),
                List.of("--layers", "2,3,2", "--activation", "softmax,sigmoid"),
                List.of("--layers", "2,3,2", "--activation", "tanh,tanh,tanh"),
                List.of("--layers", "2,3", "--activation", "relu", "--loss", "cross_entropy"),
                List.of("--layers", "2,3", "--loss", "hinge"),
                List.of("--layers", "2,3", "--init", "normal"),
                List.of("--layers", "2,3", "--x", "1,2,3"),
                List.of("--layers", "2,3", "--x", "1,abc"),
                List.of("--layers", "2,3", "--x", "1,2", "--samples", "2"),
                List.of("--layers", "2,3", "--loss", "cross_entropy", "--y", "2,0,1"),
                List.of("--layers", "2,3", "--seeds", "5..1"));

        for (List<String> options : cases) {
            // when
            List<Object> all = new java.util.ArrayList<>(List.of("new", out));
            all.addAll(options);
            Cli.Result run = Cli.run(all.toArray());

            // then
            assertEquals(2, run.exit(), options + "\n" + run);
            assertEquals(1, run.errLines().size(), options + "\n" + run);
            Cli.assertClearMessages(run);
            assertFalse(Files.exists(out), options + " wrote " + out);
        }
    }

    @Test
    void a_missing_folder_is_named_as_it_was_given() {
        // given: a folder name with "-o" in it, as in week-one
        Path nowhere = Fixtures.folder(getClass(), "named").resolve("week-one")
                .resolve("exercise.xlsx");

        // when
        Cli.Result missing = Cli.run(args(nowhere));

        // then
        assertEquals(1, missing.exit(), missing.toString());
        Cli.assertClearMessages(missing);
        assertTrue(missing.err().contains("week-one does not exist; create it or choose another"
                + " OUT"), missing.err());
    }

    @Test
    void any_existing_file_is_kept_unless_forced_and_a_missing_folder_exits_1()
            throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "existing");
        Path existing = folder.resolve("mine.xlsx");
        Files.writeString(existing, "my own notes");
        Path nowhere = folder.resolve("missing").resolve("exercise.xlsx");
        Path ran = folder.resolve("ran.xlsx");
        Cli.run("run", Cli.EXAMPLE, "-o", ran);
        byte[] ranBytes = Files.readAllBytes(ran);

        // when
        Cli.Result kept = Cli.run(args(existing));
        String afterKept = Files.readString(existing);
        Cli.Result missing = Cli.run(args(nowhere));
        Cli.Result gradbooks = Cli.run(args(ran));
        Cli.Result forced = Cli.run(args(existing, "--force"));

        // then
        assertEquals(1, kept.exit(), kept.toString());
        Cli.assertClearMessages(kept);
        assertTrue(kept.err().contains("--force"), kept.err());
        assertEquals("my own notes", afterKept, "the existing file, kept");
        assertEquals(1, missing.exit(), missing.toString());
        Cli.assertClearMessages(missing);
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertEquals(1, gradbooks.exit(), "a workbook gradbook wrote may hold typed values\n"
                + gradbooks);
        assertArrayEquals(ranBytes, Files.readAllBytes(ran), ran + " changed");
        assertEquals(0, forced.exit(), forced.toString());
        assertEquals(2, TemplateReader.read(existing).network().layers());
        Cli.assertNoTemporaryFiles(folder);
    }

    private static Object[] args(Path out, String... more) {
        return concat(out, List.of(more));
    }

    private static Object[] concat(Path out, List<String> more) {
        List<Object> all = new java.util.ArrayList<>(List.of("new", out));
        all.addAll(List.of(NETWORK));
        all.addAll(more);
        return all.toArray();
    }

    // Types each keyed value, to 6 digits, into the hand cell the key names; negates the first
    // when asked. Returns the first entry.
    private static JsonObject type(Path template, Path key, Path to, boolean negateFirst)
            throws Exception {
        JsonObject first = null;
        try (InputStream in = Files.newInputStream(template);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (JsonElement e : JsonParser.parseString(Files.readString(key)).getAsJsonObject()
                    .getAsJsonArray("entries")) {
                JsonObject entry = e.getAsJsonObject();
                if (entry.get("hand_cell").isJsonNull()) {
                    continue;
                }
                double value = Double.parseDouble(entry.get("six_digits").getAsString());
                if (first == null) {
                    first = entry;
                    value = negateFirst ? -value - 1 : value;
                }
                String[] cell = entry.get("hand_cell").getAsString().split("!");
                CellReference at = new CellReference(cell[1]);
                wb.getSheet(cell[0].replace("'", "")).getRow(at.getRow()).getCell(at.getCol())
                        .setCellValue(value);
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
        return first;
    }
}
