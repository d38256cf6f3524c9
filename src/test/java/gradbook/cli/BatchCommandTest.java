package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.workbook.Provenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 6: {@code gradbook batch} over many templates, and its reproducible output. */
class BatchCommandTest {

    @Test
    void writes_every_good_workbook_and_reports_every_bad_one_with_its_reason() {
        // given
        Path folder = Fixtures.folder(getClass(), "good-and-bad");
        Path templates = mixedClass(folder.resolve("class"));
        Path out = folder.resolve("out");

        // when
        Cli.Result r = Cli.run("batch", templates, "-o", out, "--jobs", 2);

        // then
        assertEquals(1, r.exit(), r.toString());
        Cli.assertClearMessages(r);
        assertEquals(List.of("alice-gradbook.xlsx", "bob-gradbook.xlsx", "carol-gradbook.xlsx"),
                names(out), r.toString());
        assertTrue(r.err().contains("gradbook: notes.xlsx: not a spreadsheet"), r.toString());
        assertTrue(r.err().contains("gradbook: no-eta.xlsx: the template does not define eta"),
                r.toString());
        assertEquals("3 written, 2 failed, 0 skipped (up to date), in " + out,
                r.out().strip(), r.toString());
        Cli.assertNoTemporaryFiles(out);
    }

    @Test
    void writes_the_same_bytes_on_every_run_and_at_any_number_of_jobs() {
        // given
        Path folder = Fixtures.folder(getClass(), "twice");
        Path templates = mixedClass(folder.resolve("class"));

        // when
        Cli.run("batch", templates, "-o", folder.resolve("first"), "--jobs", 1);
        Cli.run("batch", templates, "-o", folder.resolve("second"), "--jobs", 2);
        Cli.run("batch", templates, "-o", folder.resolve("second"), "--jobs", 2);
        Cli.Result single = Cli.run("run", templates.resolve("alice.xlsx"), "-o",
                folder.resolve("alice-by-run.xlsx"));

        // then
        Map<String, byte[]> first = contents(folder.resolve("first"));
        Map<String, byte[]> second = contents(folder.resolve("second"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name),
                name + " differs between the two batches"));
        assertEquals(0, single.exit(), single.toString());
        assertArrayEquals(first.get("alice-gradbook.xlsx"),
                Fixtures.bytes(folder.resolve("alice-by-run.xlsx")), "batch and run differ");
        Outputs.assertNoClock(folder.resolve("first").resolve("bob-gradbook.xlsx"));
    }

    @Test
    void with_changed_skips_the_unchanged_templates_and_redoes_a_changed_one()
            throws IOException {
        // given
        Path folder = Fixtures.folder(getClass(), "changed");
        Path templates = goodClass(folder.resolve("class"));
        Path out = folder.resolve("out");
        Cli.run("batch", templates, "-o", out);
        Map<String, Object> files = identities(out);
        byte[] bobBefore = Fixtures.bytes(out.resolve("bob-gradbook.xlsx"));
        Fixtures.template(otherNetwork(), templates.resolve("bob.xlsx"));

        // when
        Cli.Result r = Cli.run("batch", templates, "-o", out, "--changed");

        // then
        assertEquals(0, r.exit(), r.toString());
        assertEquals("1 written, 0 failed, 2 skipped (up to date), in " + out, r.out().strip());
        Map<String, Object> after = identities(out);
        assertEquals(files.get("alice-gradbook.xlsx"), after.get("alice-gradbook.xlsx"),
                "alice's workbook was written again");
        assertEquals(files.get("carol-gradbook.xlsx"), after.get("carol-gradbook.xlsx"),
                "carol's workbook was written again");
        assertFalse(java.util.Arrays.equals(bobBefore,
                Fixtures.bytes(out.resolve("bob-gradbook.xlsx"))), "bob's workbook is as before");
    }

    @Test
    void with_changed_redoes_every_template_when_the_tolerance_or_version_differs() {
        // given
        Path folder = Fixtures.folder(getClass(), "changed-options");
        Path templates = goodClass(folder.resolve("class"));
        Path out = folder.resolve("out");
        Cli.run("batch", templates, "-o", out);
        Fixtures.rewritePart(out.resolve("alice-gradbook.xlsx"), "docProps/custom.xml",
                xml -> xml.replace("gradbook " + gradbook.workbook.Version.get(),
                        "gradbook 0.0.1"));

        // when
        Cli.Result same = Cli.run("batch", templates, "-o", out, "--changed");
        Cli.Result looser = Cli.run("batch", templates, "-o", out, "--changed",
                "--tolerance", "1e-3");

        // then
        assertEquals("1 written, 0 failed, 2 skipped (up to date), in " + out,
                same.out().strip(), "only the workbook of another version is made again");
        assertEquals("3 written, 0 failed, 0 skipped (up to date), in " + out,
                looser.out().strip(), "another tolerance makes every workbook again");
    }

    @Test
    void records_the_formulas_mode_and_with_changed_redoes_a_workbook_made_with_another() {
        // given a class made with the default, auto
        Path folder = Fixtures.folder(getClass(), "changed-formulas");
        Path templates = goodClass(folder.resolve("class"));
        Path out = folder.resolve("out");
        Cli.run("batch", templates, "-o", out);
        Path alice = out.resolve("alice-gradbook.xlsx");
        String auto = Provenance.read(alice).formulas();

        // when
        Cli.Result none = Cli.run("batch", templates, "-o", out, "--changed", "--formulas",
                "none");
        Cli.Result again = Cli.run("batch", templates, "-o", out, "--changed", "--formulas",
                "none");

        // then
        assertEquals("auto", auto, "the mode recorded");
        assertEquals("none", Provenance.read(alice).formulas(), "the mode recorded");
        assertEquals("3 written, 0 failed, 0 skipped (up to date), in " + out,
                none.out().strip(), "another --formulas makes every workbook again");
        assertEquals("0 written, 0 failed, 3 skipped (up to date), in " + out,
                again.out().strip(), "the same --formulas keeps them");
    }

    @Test
    void refuses_an_unknown_formulas_mode_in_one_line() {
        // given
        Path folder = Fixtures.folder(getClass(), "formulas-word");
        Path templates = goodClass(folder.resolve("class"));

        // when
        Cli.Result r = Cli.run("batch", templates, "-o", folder.resolve("out"), "--formulas",
                "some");

        // then
        assertEquals(Gradbook.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("'some' is not a --formulas mode; use one of all, auto,"
                + " none"), r.toString());
        assertFalse(Files.exists(folder.resolve("out")), "nothing written");
    }

    @Test
    void refuses_two_templates_that_would_write_the_same_workbook() {
        // given
        Path folder = Fixtures.folder(getClass(), "collision");
        Path first = Fixtures.workedExample(created(folder.resolve("a")).resolve("ex.xlsx"));
        Path second = Fixtures.workedExample(created(folder.resolve("b")).resolve("ex.xlsx"));
        Path other = Fixtures.workedExample(folder.resolve("b").resolve("other.xlsx"));
        Path out = folder.resolve("out");

        // when
        Cli.Result r = Cli.run("batch", first, second, other, "-o", out);

        // then
        assertEquals(1, r.exit(), r.toString());
        Cli.assertClearMessages(r);
        assertEquals(List.of("other-gradbook.xlsx"), names(out), r.toString());
        assertTrue(r.err().contains(first + " and " + second + " would both write "
                + out.resolve("ex-gradbook.xlsx")), r.toString());
        assertEquals(1, r.errLines().size(), "one message for the pair\n" + r);
        assertEquals("1 written, 2 failed, 0 skipped (up to date), in " + out, r.out().strip());
    }

    @Test
    void takes_the_templates_listed_in_a_file_and_on_standard_input() throws IOException {
        // given
        Path folder = Fixtures.folder(getClass(), "lists");
        Path templates = goodClass(folder.resolve("class"));
        Path list = Files.writeString(folder.resolve("list.txt"), templates.resolve("alice.xlsx")
                + "\n\n" + templates.resolve("carol.xlsx") + "\r\n");

        // when
        Cli.Result fromFile = Cli.run("batch", "--from", list, "-o", folder.resolve("file"));
        Cli.Result fromStdin = withStdin(templates.resolve("bob.xlsx") + "\n",
                () -> Cli.run("batch", "--from", "-", "-o", folder.resolve("stdin")));

        // then
        assertEquals(0, fromFile.exit(), fromFile.toString());
        assertEquals(List.of("alice-gradbook.xlsx", "carol-gradbook.xlsx"),
                names(folder.resolve("file")));
        assertEquals(0, fromStdin.exit(), fromStdin.toString());
        assertEquals(List.of("bob-gradbook.xlsx"), names(folder.resolve("stdin")));
    }

    @Test
    void expands_a_glob_pattern_itself_and_leaves_out_its_own_outputs() throws IOException {
        // given
        Path folder = Fixtures.folder(getClass(), "glob");
        Path templates = goodClass(folder.resolve("class"));
        Files.writeString(templates.resolve("readme.txt"), "not a template");
        Files.copy(templates.resolve("alice.xlsx"), templates.resolve("dave-gradbook.xlsx"));
        Fixtures.workedExample(created(templates.resolve("sub")).resolve("erin.xlsx"));
        Path out = folder.resolve("out");

        // when
        Cli.Result flat = Cli.run("batch", templates + "/[ab]*.xlsx", "-o", out);
        Cli.Result deep = Cli.run("batch", templates + "/**erin.xlsx", "-o", out);
        Cli.Result none = Cli.run("batch", templates + "/*.ods", "-o", out);

        // then
        assertEquals(0, flat.exit(), flat.toString());
        assertEquals(0, deep.exit(), deep.toString());
        assertEquals(List.of("alice-gradbook.xlsx", "bob-gradbook.xlsx", "erin-gradbook.xlsx"),
                names(out));
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("*.ods: the pattern matches no file"), none.toString());
    }

    @Test
    void keeps_a_file_gradbook_did_not_write_unless_forced() throws IOException {
        // given
        Path folder = Fixtures.folder(getClass(), "foreign");
        Path templates = goodClass(folder.resolve("class"));
        Path out = Files.createDirectories(folder.resolve("out"));
        Path foreign = Files.writeString(out.resolve("bob-gradbook.xlsx"), "someone's notes");

        // when
        Cli.Result kept = Cli.run("batch", templates, "-o", out);
        Cli.Snapshot after = Cli.Snapshot.of(foreign);
        Cli.Result forced = Cli.run("batch", templates, "-o", out, "--force");

        // then
        assertEquals(1, kept.exit(), kept.toString());
        assertTrue(kept.err().contains("bob-gradbook.xlsx: exists and was not written by"
                + " gradbook"), kept.toString());
        assertArrayEquals("someone's notes".getBytes(StandardCharsets.UTF_8), after.bytes());
        assertEquals(0, forced.exit(), forced.toString());
        assertNotEquals("someone's notes", Files.readString(foreign, StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_pattern_that_matches_nothing_is_one_line_and_makes_no_folder() {
        Path folder = Fixtures.folder(getClass(), "no-match");
        Path out = folder.resolve("graded");

        Cli.Result r = Cli.run("batch", folder.resolve("none-*.xlsx").toString(), "-o", out);

        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of("gradbook: no template to run; give templates, folders or"
                + " patterns, or --from FILE (gradbook batch --help says more)"),
                r.err().lines().filter(l -> !l.startsWith("gradbook: warning:")).toList());
        assertFalse(Files.exists(out), "an empty output folder was left behind");
    }

    @Test
    void refuses_a_command_line_without_templates_or_with_no_jobs() {
        Path folder = Fixtures.folder(getClass(), "usage");

        Cli.Result empty = Cli.run("batch", "-o", folder);
        Cli.Result noJobs = Cli.run("batch", Cli.EXAMPLE, "-o", folder, "--jobs", 0);

        assertEquals(2, empty.exit(), empty.toString());
        assertTrue(empty.err().contains("no template to run"), empty.toString());
        assertEquals(2, noJobs.exit(), noJobs.toString());
        assertTrue(noJobs.err().contains("--jobs must be at least 1"), noJobs.toString());
    }

    /** Three copies of the worked example's template, alice, bob and carol. */
    private static Path goodClass(Path folder) {
        created(folder);
        for (String name : List.of("alice", "bob", "carol")) {
            Fixtures.workedExample(folder.resolve(name + ".xlsx"));
        }
        return folder;
    }

    /** The good class, and two bad templates: a text file and one without eta. */
    private static Path mixedClass(Path folder) {
        goodClass(folder);
        Fixtures.write(folder.resolve("notes.xlsx"), "not a workbook".getBytes(
                StandardCharsets.UTF_8));
        Fixtures.edit(Fixtures.workedExample(folder.resolve("no-eta.xlsx")),
                wb -> wb.removeName(wb.getName("eta")));
        return folder;
    }

    private static Path created(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Network otherNetwork() {
        Network n = Fixtures.workedExample();
        return new Network(n.x(), Matrix.column(0, 1), n.W(), n.b(), n.eta());
    }

    private static List<String> names(Path folder) {
        return contents(folder).keySet().stream().toList();
    }

    private static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.forEach(f -> files.put(f.getFileName().toString(), Fixtures.bytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    // A file moved into place anew has another inode, even when its bytes are the same.
    private static Map<String, Object> identities(Path folder) {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                keys.put(f.getFileName().toString(),
                        Files.readAttributes(f, BasicFileAttributes.class).fileKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Cli.Result withStdin(String text,
            java.util.function.Supplier<Cli.Result> run) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }
}
