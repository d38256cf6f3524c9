package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding F5: a run or a batch stopped by SIGTERM (kill, timeout; Ctrl-C's SIGINT takes the
 * same way out of Java) leaves none of its temporary files behind, neither beside the output
 * nor in POI's folder under java.io.tmpdir, and exits 143 without a stack trace. A child JVM
 * runs gradbook with a java.io.tmpdir of its own, every generated sheet streamed through a
 * temporary file, and is stopped as soon as one of its temporary files appears. When the child
 * ends before the signal reaches it, the test still holds: its outputs must then be complete.
 */
class InterruptedCommandTest {
    /** Two layers of 30 units: writing takes about a second. */
    private static final int WIDTH = 30;
    private static final int TERMINATED = 128 + 15;

    @Test
    void a_run_stopped_while_it_writes_leaves_no_temporary_file() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "run");
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path out = Files.createDirectories(folder.resolve("out"));
        Path output = out.resolve("wide-gradbook.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when: stopped once the workbook is being saved beside its output, its sheets' files
        // still in the temporary folder
        Stop stop = stopOnce(BESIDE_OUTPUT, folder, out, "run", template.toString(), "-o",
                output.toString());

        // then
        stop.assertEnded();
        assertNoTemporaryFiles(out, stop.tmpdir());
        if (Files.exists(output) || !stop.signalled()) {
            Outputs.assertComplete(output, WIDTH);
        }
        before.assertUnchanged();
    }

    @Test
    void a_batch_stopped_while_it_writes_leaves_no_temporary_file() throws Exception {
        // given: four templates, two written at a time
        Path folder = Fixtures.folder(getClass(), "batch");
        Path templates = Files.createDirectories(folder.resolve("templates"));
        List<Cli.Snapshot> before = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            Path t = Fixtures.template(Fixtures.wide(WIDTH, seed),
                    templates.resolve("wide-" + seed + ".xlsx"));
            before.add(Cli.Snapshot.of(t));
        }
        Path out = Files.createDirectories(folder.resolve("out"));

        // when: stopped as soon as the first sheet is streamed to a file
        Stop stop = stopOnce(ANY, folder, out, "batch", templates.toString(), "-o",
                out.toString(), "-j", "2");

        // then: whatever was moved into place is whole; nothing else is left
        stop.assertEnded();
        assertNoTemporaryFiles(out, stop.tmpdir());
        try (Stream<Path> written = Files.list(out)) {
            List<Path> outputs = written.toList();
            if (!stop.signalled()) {
                assertEquals(4, outputs.size(), "outputs of a batch that ended: " + outputs);
            }
            outputs.forEach(o -> Outputs.assertComplete(o, WIDTH));
        }
        before.forEach(Cli.Snapshot::assertUnchanged);
    }

    /** How the child ended: whether the signal reached it, its exit code and stderr. */
    private record Stop(boolean signalled, int exit, String err, Path tmpdir) {
        void assertEnded() {
            assertEquals(signalled ? TERMINATED : 0, exit, "exit code; stderr:\n" + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"),
                    "a stack trace on stderr:\n" + err);
        }
    }

    /** Any temporary file; one beside the outputs. */
    private static final Predicate<Path> ANY = f -> true;
    private static final Predicate<Path> BESIDE_OUTPUT =
            f -> f.getFileName().toString().endsWith(".tmp");

    /**
     * Starts gradbook with {@code args} in a child JVM and sends it SIGTERM once a temporary
     * file that {@code when} accepts appears in {@code out} or in its java.io.tmpdir; polls,
     * with no fixed wait.
     */
    private static Stop stopOnce(Predicate<Path> when, Path folder, Path out, String... args)
            throws IOException, InterruptedException {
        Path tmpdir = Files.createDirectories(folder.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir.toAbsolutePath(),
                // Every generated sheet through a temporary file, however small the network.
                "-Dgradbook.inMemoryEntries=0",
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook"));
        command.addAll(List.of(args));
        Path err = folder.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && Outputs.temporaryFiles(out, tmpdir).stream().noneMatch(when)) {
            if (System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                fail("no temporary file appeared within 120 s");
            }
            Thread.sleep(1);
        }
        boolean signalled = child.isAlive();
        child.destroy();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            fail("gradbook did not end within 60 s of SIGTERM");
        }
        // A child that ended by itself between the look and the signal exits 0, not 143.
        signalled &= child.exitValue() == TERMINATED;
        return new Stop(signalled, child.exitValue(),
                Files.readString(err, StandardCharsets.UTF_8), tmpdir);
    }

    private static void assertNoTemporaryFiles(Path out, Path tmpdir) throws IOException {
        assertEquals(List.of(), Outputs.temporaryFiles(out, tmpdir), "temporary files left behind");
    }
}
