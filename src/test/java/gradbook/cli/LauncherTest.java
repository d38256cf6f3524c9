package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Finding R-F4: the launcher (src/main/sh/gradbook), when it records its class-data-sharing
 * archive, runs java as its child; a kill of the launcher alone must stop that child too, its
 * temporary files and the archive's deleted, and the recording run must otherwise behave as
 * plain java does: stdin, exit codes.
 *
 * <p>{@code mvn test} runs before {@code package} makes target/gradbook.jar, so each case
 * builds its own runnable jar of target/classes whose manifest names the libraries on the test
 * class path, and points GRADBOOK_JAR at it; the archive is then recorded beside that jar.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src", "main", "sh", "gradbook");
    /** Two layers of 30 units: writing takes about a second. */
    private static final int WIDTH = 30;
    private static final int TERMINATED = 128 + 15;

    @Test
    void a_launcher_killed_while_it_records_the_archive_stops_java_and_leaves_nothing()
            throws Exception {
        // given: no archive yet, so the launcher runs java as its child to record one
        Path folder = Fixtures.folder(getClass(), "killed");
        Path jar = jar(folder);
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path out = Files.createDirectories(folder.resolve("out"));
        Path output = out.resolve("wide-gradbook.xlsx");
        Path tmpdir = Files.createDirectories(folder.resolve("tmp"));
        Process launcher = launcher(jar, tmpdir, folder, "run", template.toString(), "-o",
                output.toString()).start();
        List<ProcessHandle> java = new ArrayList<>();

        try {
            // when: SIGTERM to the launcher only, once java has begun writing
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (launcher.isAlive() && Outputs.temporaryFiles(out, tmpdir).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail("no temporary file appeared within 120 s");
                }
                Thread.sleep(1);
            }
            launcher.descendants().forEach(java::add);
            boolean signalled = launcher.isAlive() && !java.isEmpty();
            launcher.destroy();
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");

            // then
            String err = Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8);
            for (ProcessHandle child : java) {
                assertFalse(child.isAlive(), "java (pid " + child.pid() + ") still runs after"
                        + " the launcher ended with " + launcher.exitValue());
            }
            signalled &= launcher.exitValue() == TERMINATED;
            assertEquals(signalled ? TERMINATED : 0, launcher.exitValue(), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
            assertEquals(List.of(), archiveTemporaryFiles(folder), "archive temporary files");
            assertEquals(List.of(), Outputs.temporaryFiles(out, tmpdir),
                    "temporary files left behind");
            if (Files.exists(output) || !signalled) {
                Outputs.assertComplete(output, WIDTH);
            }
            System.out.println(signalled ? "launcher and java stopped by SIGTERM, nothing left"
                    : "java ended before the signal: a complete output");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            java.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void a_recording_run_keeps_stdin_and_the_next_run_maps_the_archive() throws Exception {
        // given: a template that takes a second to write, so java can be looked at as it runs
        Path folder = Fixtures.folder(getClass(), "stdin");
        Path jar = jar(folder);
        Path template = Fixtures.template(Fixtures.wide(WIDTH, 5), folder.resolve("wide.xlsx"));
        Path tmpdir = Files.createDirectories(folder.resolve("tmp"));

        // when: the recording run, its stdin a pipe from this test
        Process recording = launcher(jar, tmpdir, folder, "run", template.toString(), "-o",
                folder.resolve("first.xlsx").toString()).start();
        String javaStdin = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (javaStdin == null && recording.isAlive() && System.nanoTime() < deadline) {
                for (ProcessHandle child : recording.descendants().toList()) {
                    try {
                        javaStdin = Files.readSymbolicLink(Path.of("/proc",
                                Long.toString(child.pid()), "fd", "0")).toString();
                    } catch (IOException gone) {
                        // not yet started, or already ended
                    }
                }
                Thread.sleep(1);
            }
            recording.getOutputStream().close();
            assertTrue(recording.waitFor(120, TimeUnit.SECONDS), "the recording run did not end");
        } finally {
            recording.descendants().forEach(ProcessHandle::destroyForcibly);
            recording.destroyForcibly();
        }
        // -Xshare:on makes java fail if it cannot map the archive the launcher gives it
        ProcessBuilder next = launcher(jar, tmpdir, folder, "run", template.toString(), "-o",
                folder.resolve("second.xlsx").toString());
        next.environment().merge("JAVA_OPTS", " -Xshare:on", String::concat);
        int mapped = run(next, "");

        // then: java read the launcher's stdin, where --password asks at a terminal
        String err = Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(0, recording.exitValue(), "the recording run; stderr:\n" + err);
        assertTrue(javaStdin != null && javaStdin.startsWith("pipe:"), "java's stdin: "
                + javaStdin);
        assertTrue(Files.isRegularFile(folder.resolve("gradbook.jsa")), "no archive recorded");
        assertEquals(0, mapped, "the run with the archive; stderr:\n" + err);
        assertTrue(Files.isRegularFile(folder.resolve("second.xlsx")));
        assertEquals(List.of(), archiveTemporaryFiles(folder), "archive temporary files");
    }

    @Test
    void a_failed_recording_run_passes_its_exit_code_on_and_records_no_archive()
            throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "failed");
        Path jar = jar(folder);
        Path template = Fixtures.write(folder.resolve("notes.xlsx"),
                "not a workbook".getBytes(StandardCharsets.UTF_8));
        Path tmpdir = Files.createDirectories(folder.resolve("tmp"));

        // when
        int exit = run(launcher(jar, tmpdir, folder, "run", template.toString(), "-o",
                folder.resolve("out.xlsx").toString()), "");

        // then: an archive of a failed run would leave out classes later runs load
        String err = Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(1, exit, err);
        assertTrue(err.contains("notes.xlsx: not a spreadsheet"), err);
        assertFalse(Files.exists(folder.resolve("gradbook.jsa")), "an archive of a failed run");
        assertEquals(List.of(), archiveTemporaryFiles(folder), "archive temporary files");
    }

    /** The launcher run by sh with {@code jar}, this JVM's java and its own java.io.tmpdir. */
    private static ProcessBuilder launcher(Path jar, Path tmpdir, Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("stdout.txt").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("stderr.txt").toFile()));
        Map<String, String> env = pb.environment();
        env.put("GRADBOOK_JAR", jar.toAbsolutePath().toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Every generated sheet through a temporary file, however small the network.
        env.put("JAVA_OPTS", "-Djava.io.tmpdir=" + tmpdir.toAbsolutePath()
                + " -Dgradbook.inMemoryEntries=0");
        return pb;
    }

    /** Runs the launcher with {@code stdin} and returns its exit code. */
    private static int run(ProcessBuilder launcher, String stdin)
            throws IOException, InterruptedException {
        Process p = launcher.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the launcher did not end within 120 s");
        }
        return p.exitValue();
    }

    /** A runnable jar of target/classes in {@code folder}, its libraries named by its manifest. */
    private static Path jar(Path folder) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "gradbook.cli.Gradbook");
        main.put(Attributes.Name.CLASS_PATH, Stream.of(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(entry -> Path.of(entry).toUri().toString())
                .collect(Collectors.joining(" ")));
        Path classes = Path.of("target", "classes");
        Path jar = folder.resolve("gradbook.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    // The launcher records the archive as gradbook.jsa.PID.tmp beside the jar.
    private static List<Path> archiveTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("gradbook\\.jsa\\..*"))
                    .toList();
        }
    }
}
