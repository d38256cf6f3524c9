package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs gradbook in this JVM, as main does, and checks what a person would see. */
final class Cli {
    private Cli() {
    }

    /** The repository's example template, which carries the document's printed values. */
    static final Path EXAMPLE = Path.of("templates", "worked-example.xlsx");

    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** How many lines of standard output contain {@code text}. */
        long outLines(String text) {
            return out.lines().filter(l -> l.contains(text)).count();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Gradbook.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] strings = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        int exit = cl.execute(strings);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The bytes of a file, taken before a run, to show afterwards that it did not change. */
    record Snapshot(Path file, byte[] bytes) {
        static Snapshot of(Path file) {
            try {
                return new Snapshot(file, Files.isRegularFile(file) ? Files.readAllBytes(file)
                        : null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void assertUnchanged() {
            if (bytes == null) {
                return;
            }
            try {
                assertTrue(Files.exists(file), file + " was removed");
                assertArrayEquals(bytes, Files.readAllBytes(file), file + " changed: expected "
                        + bytes.length + " bytes as before, found " + Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Asserts the contract for bad input: exit code 1, every stderr line a one-line gradbook
     * message, no stack trace, each fragment somewhere in the messages, nothing written at
     * {@code output} or beside it, and the template byte-for-byte as before.
     */
    static void assertRefused(Result r, Snapshot template, Path output, String... fragments) {
        assertEquals(1, r.exit(), "exit code\n" + r);
        assertClearMessages(r);
        for (String fragment : fragments) {
            assertTrue(r.err().contains(fragment), "expected the message to contain \""
                    + fragment + "\"\n" + r);
        }
        assertFalse(Files.exists(output), "expected no output at " + output + "\n" + r);
        assertNoTemporaryFiles(output.toAbsolutePath().getParent());
        template.assertUnchanged();
    }

    /** Every line of stderr is a gradbook message; none is a stack trace. */
    static void assertClearMessages(Result r) {
        assertFalse(r.err().isBlank(), "expected a message on stderr\n" + r);
        for (String line : r.errLines()) {
            assertTrue(line.startsWith("gradbook: "), "expected every line to start with"
                    + " 'gradbook: ', found: " + line + "\n" + r);
            assertFalse(line.contains("internal error"), "an unforeseen failure\n" + r);
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"),
                "expected no stack trace\n" + r);
    }

    static void assertNoTemporaryFiles(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> temps = files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList();
            if (!temps.isEmpty()) {
                fail("expected no temporary files left in " + folder + ", found " + temps);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
