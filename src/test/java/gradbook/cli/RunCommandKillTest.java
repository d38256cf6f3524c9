package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a run killed while it writes leaves the old output as it was, or no output, never
 * half a workbook; and a program that reads the output while gradbook replaces it sees the old
 * file or the new one. A child JVM runs gradbook's main class on a template large enough that
 * writing takes about a second, and is killed (SIGKILL) once its temporary file holds bytes.
 */
class RunCommandKillTest {
    /** Units a layer: large enough that writing the workbook takes about a second. */
    private static final int WIDTH = 30;
    /** Kill as soon as the temporary file holds bytes, and once it holds 100 kB of 500. */
    private static final long[] KILL_AT_BYTES = {1, 100_000};

    @Test
    void a_kill_during_the_write_leaves_the_old_output_intact() throws Exception {
        // given: an existing output (someone's file, replaced only with --force)
        Path folder = Fixtures.folder(getClass(), "old-output");
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        byte[] old = "the old output".getBytes(StandardCharsets.UTF_8);
        Fixtures.write(output, old);
        Cli.Snapshot before = Cli.Snapshot.of(template);

        for (long bytes : KILL_AT_BYTES) {
            // when
            Kill kill = killMidWrite(template, output, bytes, "--force");

            // then: the old bytes, or (if the move won the race) a whole new workbook
            if (kill.whileWriting()) {
                assertArrayEquals(old, Fixtures.bytes(output), "the old output after a kill"
                        + " with " + kill.temporaryBytes() + " bytes written");
                System.out.println("killed with " + kill.temporaryBytes() + " bytes of the"
                        + " temporary file written: old output intact");
                continue;
            }
            Outputs.assertComplete(output, WIDTH);
            System.out.println("the write ended before " + bytes + " bytes were seen: a complete"
                    + " new output");
            Fixtures.write(output, old);
        }
        before.assertUnchanged();
    }

    @Test
    void a_kill_during_the_first_write_leaves_no_output() throws Exception {
        Path folder = Fixtures.folder(getClass(), "no-output");
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Kill kill = killMidWrite(template, output, 1);

        assertTrue(kill.whileWriting(), "the child ended before it could be killed");
        assertFalse(Files.exists(output), "an output after a kill with " + kill.temporaryBytes()
                + " bytes of the temporary file written");
        before.assertUnchanged();
    }

    @Test
    void a_reader_sees_the_old_output_or_the_new_one_never_half() throws Exception {
        // given: an output gradbook wrote, regenerated three times while another thread reads
        // it as fast as it can, as a spreadsheet program or a file watcher might
        Path folder = Fixtures.folder(getClass(), "reader");
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        assertEquals(0, Cli.run("run", template, "-o", output).exit());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && torn.get() == null) {
                try {
                    byte[] seen = Files.readAllBytes(output);
                    reads.incrementAndGet();
                    if (!isWholeZip(seen)) {
                        torn.set(seen.length + " bytes that are not a whole zip");
                    }
                } catch (IOException e) {
                    torn.set("no file to read (" + e + ")");
                }
            }
        });
        reader.start();

        // when
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, Cli.run("run", template, "-o", output).exit());
            }
        } finally {
            writing.set(false);
            reader.join();
        }

        // then
        assertEquals(null, torn.get(), "after " + reads.get() + " reads");
        Outputs.assertComplete(output, WIDTH);
        System.out.println("read the output " + reads.get() + " times while it was replaced"
                + " three times: always a whole file");
    }

    @Test
    void running_out_of_memory_is_one_line_and_leaves_no_output() throws Exception {
        // given: a network whose run does not fit in a 16 MB heap. The sheets are streamed and
        // a big template is read thinned, so a 100-100-100 network runs in 20 MB; 300 units a
        // layer hold some 180,000 parameters, each in several of the trace's matrices.
        Path folder = Fixtures.folder(getClass(), "out-of-memory");
        Path template = Fixtures.template(Fixtures.wide(300, 5), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Path temporary = Files.createDirectories(folder.resolve("tmp"));
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-Djava.io.tmpdir=" + temporary.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook",
                "run", template.toString(), "-o", output.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not end");

        // then
        assertEquals(1, child.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("gradbook: " + template + ": out of memory:")
                && err.contains("-Xmx4g"), err);
        assertFalse(Files.exists(output));
        assertEquals(null, temporaryFile(output));
        try (Stream<Path> left = Files.walk(temporary)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(),
                    "POI's temporary files left behind");
        }
        before.assertUnchanged();
    }

    // A zip written in one go ends with its end-of-central-directory record (no comment
    // follows it in what POI writes); a file cut short or still being written does not.
    private static boolean isWholeZip(byte[] b) {
        int n = b.length;
        return n >= 22 && b[n - 22] == 'P' && b[n - 21] == 'K' && b[n - 20] == 5
                && b[n - 19] == 6;
    }

    /** How a kill went: whether gradbook was still running, and what it had written. */
    private record Kill(boolean whileWriting, long temporaryBytes) {
    }

    /** Starts gradbook, waits until its temporary file holds {@code bytes}, and kills it. */
    private static Kill killMidWrite(Path template, Path output, long bytes, String... more)
            throws IOException, InterruptedException {
        deleteTemporaryFiles(output);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook",
                "run", template.toString(), "-o", output.toString()));
        command.addAll(List.of(more));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (temporaryBytes(output) < bytes) {
            if (!child.isAlive()) {
                if (bytes > 1 && child.exitValue() == 0) {
                    return new Kill(false, -1); // it wrote faster than the test could look
                }
                fail("gradbook ended with " + child.exitValue() + " before writing");
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                fail("no bytes were written to a temporary file within 120 s");
            }
            Thread.sleep(1);
        }
        long written = temporaryBytes(output);
        boolean alive = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        return new Kill(alive && written > 0, written);
    }

    // The size of gradbook's temporary file beside the output, or -1 when there is none.
    private static long temporaryBytes(Path output) throws IOException {
        Path temp = temporaryFile(output);
        try {
            return temp == null ? -1 : Files.size(temp);
        } catch (NoSuchFileException e) {
            return -1; // moved into place, or removed, between the listing and the look
        }
    }

    // A killed run leaves its temporary file behind; the next round must not mistake it for
    // its own.
    private static void deleteTemporaryFiles(Path output) throws IOException {
        for (Path temp = temporaryFile(output); temp != null; temp = temporaryFile(output)) {
            Files.delete(temp);
        }
    }

    private static Path temporaryFile(Path output) throws IOException {
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> files = Files.list(output.toAbsolutePath().getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .findFirst().orElse(null);
        }
    }
}
