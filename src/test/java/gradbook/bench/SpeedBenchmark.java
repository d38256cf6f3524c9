package gradbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.audit.Tolerance;
import gradbook.batch.Batch;
import gradbook.batch.Outcome;
import gradbook.core.Convention;
import gradbook.workbook.FormulaMode;
import gradbook.workbook.Judging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #6: how fast gradbook is beside a {@link Baseline} that only opens the example template
 * with POI and writes a workbook with as many number, text and formula cells. Each figure is
 * measured beside its baseline in one run, the two in turn so that a change in the machine's
 * load falls on both, and quoted as a median.
 *
 * <p>Not part of the suite (its name does not end in Test). It starts target/gradbook.jar, so
 * build that first: {@code mvn -q -B package -DskipTests && mvn -q -B test
 * -Dtest=SpeedBenchmark}. {@code -Dbench.runs=N} sets the number of cold runs (default 11),
 * {@code -Dbench.warm=N} the number of workbooks of the warm loop (default 1000); the last
 * figure is a batch of 200 templates with {@code --jobs 2} against {@code --jobs 1}. The table is
 * printed and kept in target/bench/speed.txt. Peak memory is the resident set size that
 * GNU time reports (Debian's package time).
 */
class SpeedBenchmark {
    private static final Path FOLDER = Path.of("target", "bench").toAbsolutePath();
    private static final Path JAR = Path.of("target", "gradbook.jar").toAbsolutePath();
    private static final Path TEMPLATE = Path.of("templates", "worked-example.xlsx")
            .toAbsolutePath();
    private static final Path BASELINE_JAR = FOLDER.resolve("baseline.jar");
    private static final Path LAUNCHER = Path.of("src", "main", "sh", "gradbook")
            .toAbsolutePath();
    private static final int RUNS = Integer.getInteger("bench.runs", 11);
    private static final int WARM = Integer.getInteger("bench.warm", 1000);
    private static final int BLOCK = 100;
    private static final int JOBS_BATCH = 200;
    private static final int JOBS_ROUNDS = 3;

    // The launcher's own flags (src/main/sh/gradbook), given to the baseline too.
    private static final List<String> LAUNCHER_FLAGS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
                    "-XX:-UsePerfData", "-Xshare:auto");

    private static String shapes;
    private static final List<String> table = new ArrayList<>();

    @BeforeAll
    static void prepare() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn -q -B package"
                + " -DskipTests first");
        Files.createDirectories(FOLDER);
        packBaseline();
        Path reference = FOLDER.resolve("reference.xlsx");
        assertEquals(0, run(List.of("java", "-jar", JAR.toString(), "run", TEMPLATE.toString(),
                "-o", reference.toString())).exit);
        int kept = templateSheets();
        shapes = Baseline.Shape.format(Baseline.Shape.of(reference, kept));
        table.add("cells the baseline writes (number:text:formula per generated sheet): "
                + shapes);
    }

    @Test
    void measures_every_figure() throws Exception {
        coldRuns();
        warmLoop();
        jobs();
        String text = String.join("\n", table);
        System.out.println(text);
        Files.writeString(FOLDER.resolve("speed.txt"), text + "\n");
    }

    // One process per workbook, as a person runs gradbook: with the JVM's default flags, and
    // with the launcher's flags and a class-data-sharing archive for each program.
    private void coldRuns() throws Exception {
        Path out = FOLDER.resolve("cold-gradbook.xlsx");
        Path baselineOut = FOLDER.resolve("cold-baseline.xlsx");
        List<String> gradbook = List.of("java", "-jar", JAR.toString(), "run",
                TEMPLATE.toString(), "-o", out.toString());
        List<String> baseline = baselineCommand(List.of(), baselineOut);

        Path archive = FOLDER.resolve("baseline.jsa");
        Files.deleteIfExists(archive);
        List<String> training = new ArrayList<>(LAUNCHER_FLAGS);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        training.add("-Xlog:cds=off");
        assertEquals(0, run(baselineCommand(training, baselineOut)).exit);
        List<String> withArchive = new ArrayList<>(LAUNCHER_FLAGS);
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        List<String> baselineFast = baselineCommand(withArchive, baselineOut);
        List<String> launcher = List.of(LAUNCHER.toString(), "run", TEMPLATE.toString(), "-o",
                out.toString());
        Files.deleteIfExists(Path.of(JAR.toString().replace(".jar", ".jsa")));
        assertEquals(0, run(launcher).exit); // makes the launcher's archive

        List<Sample> plain = new ArrayList<>();
        List<Sample> plainBaseline = new ArrayList<>();
        List<Sample> fast = new ArrayList<>();
        List<Sample> fastBaseline = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            plain.add(run(gradbook));
            plainBaseline.add(run(baseline));
            fast.add(run(launcher));
            fastBaseline.add(run(baselineFast));
        }
        table.add(String.format(Locale.ROOT, "%nCold run of the example, one process, median of"
                + " %d runs%n%-44s %9s %9s %9s %9s", RUNS, "", "wall s", "(min-max)",
                "peak MB", "(min-max)"));
        table.add(row("gradbook run, java -jar (default flags)", plain));
        table.add(row("baseline, java (default flags)", plainBaseline));
        table.add(ratio("  gradbook / baseline, default flags", plain, plainBaseline));
        table.add(row("gradbook run, launcher (CDS, C1, serial GC)", fast));
        table.add(row("baseline, same flags and its own CDS archive", fastBaseline));
        table.add(ratio("  gradbook / baseline, launcher flags", fast, fastBaseline));
        table.add(ratio("  launcher / baseline with default flags", fast, plainBaseline));
    }

    // Many workbooks in one process, after the JIT has warmed up: gradbook's batch (one job)
    // and the baseline in turn, a block of each at a time; the figure is the time per workbook.
    private void warmLoop() throws Exception {
        List<Path> templates = copies("warm-templates", BLOCK);
        Path out = Files.createDirectories(FOLDER.resolve("warm-out"));
        List<Baseline.Shape> cells = Baseline.Shape.parse(shapes);
        Block gradbook = batch(out, 1);
        Block baseline = ts -> {
            for (Path t : ts) {
                Baseline.write(t, out.resolve("b-" + t.getFileName()), cells);
            }
        };

        for (int i = 0; i < 2; i++) { // warm-up, not timed
            perWorkbook(gradbook, templates);
            perWorkbook(baseline, templates);
        }
        int blocks = Math.max(1, WARM / BLOCK);
        double[] g = new double[blocks];
        double[] b = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            g[i] = perWorkbook(gradbook, templates);
            b[i] = perWorkbook(baseline, templates);
        }
        table.add(String.format(Locale.ROOT, "%nWarm, %d workbooks each in one process (blocks"
                + " of %d in turn), ms per workbook, median of the blocks' means%n"
                + "%-44s %9.1f%n%-44s %9.1f%n%-44s %9.2f", blocks * BLOCK, BLOCK,
                "gradbook batch, --jobs 1", median(g), "baseline, in a loop", median(b),
                "  gradbook / baseline", median(g) / median(b)));
    }

    // The same batch on one thread and on two, in turn, warm.
    private void jobs() throws Exception {
        List<Path> templates = copies("jobs-templates", JOBS_BATCH);
        Path out = Files.createDirectories(FOLDER.resolve("jobs-out"));
        Block one = batch(out, 1);
        Block two = batch(out, 2);
        perWorkbook(one, templates);
        perWorkbook(two, templates);
        double[] t1 = new double[JOBS_ROUNDS];
        double[] t2 = new double[JOBS_ROUNDS];
        for (int i = 0; i < JOBS_ROUNDS; i++) {
            t1[i] = perWorkbook(one, templates) * templates.size() / 1000;
            t2[i] = perWorkbook(two, templates) * templates.size() / 1000;
        }
        table.add(String.format(Locale.ROOT, "%nBatch of %d templates, warm, seconds, median of"
                + " %d rounds in turn (%d processors)%n%-44s %9.2f%n%-44s %9.2f%n%-44s %9.2f",
                templates.size(), JOBS_ROUNDS, Runtime.getRuntime().availableProcessors(),
                "--jobs 1", median(t1), "--jobs 2", median(t2), "  speed-up", median(t1)
                        / median(t2)));
    }

    private static Block batch(Path out, int jobs) {
        Batch.Settings settings = new Batch.Settings(out, new Judging(Convention.TEXTBOOK,
                Tolerance.standard()), false, false, null, null, jobs, FormulaMode.AUTO);
        return templates -> {
            Batch.Summary summary = Batch.run(templates, settings, (o, done, total) -> { });
            assertEquals(templates.size(), summary.count(Outcome.Status.WRITTEN),
                    summary.outcomes().toString());
        };
    }

    private static List<Path> copies(String folder, int n) throws IOException {
        Path in = Files.createDirectories(FOLDER.resolve(folder));
        List<Path> templates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path copy = in.resolve("example-" + i + ".xlsx");
            Files.copy(TEMPLATE, copy, StandardCopyOption.REPLACE_EXISTING);
            templates.add(copy);
        }
        return templates;
    }

    private interface Block {
        void run(List<Path> templates) throws Exception;
    }

    private static double perWorkbook(Block block, List<Path> templates) throws Exception {
        long start = System.nanoTime();
        block.run(templates);
        return (System.nanoTime() - start) / 1e6 / templates.size();
    }

    private static List<String> baselineCommand(List<String> flags, Path out) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(flags);
        command.addAll(List.of("-cp", BASELINE_JAR + ":" + JAR, Baseline.class.getName(),
                TEMPLATE.toString(), out.toString(), shapes));
        return command;
    }

    // A class-data-sharing archive takes jars only, no folders, so the baseline goes in one.
    private static void packBaseline() throws IOException {
        Path classes = Path.of("target", "test-classes");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(BASELINE_JAR))) {
            for (Class<?> c : List.of(Baseline.class, Baseline.Shape.class)) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                jar.write(Files.readAllBytes(classes.resolve(entry)));
                jar.closeEntry();
            }
        }
    }

    private static int templateSheets() throws IOException {
        try (var in = Files.newInputStream(TEMPLATE);
                var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            return wb.getNumberOfSheets();
        }
    }

    private record Sample(int exit, double seconds, double megabytes) {
    }

    // The wall time of the whole process, and its peak resident memory as GNU time measures it.
    private static Sample run(List<String> command) throws IOException, InterruptedException {
        Path memory = FOLDER.resolve("peak-rss.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o",
                memory.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(FOLDER.resolve("last-stderr.txt").toFile());
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String kilobytes = Files.readString(memory).trim();
        kilobytes = kilobytes.substring(kilobytes.lastIndexOf('\n') + 1);
        assertEquals(0, exit, String.join(" ", command) + ": "
                + Files.readString(FOLDER.resolve("last-stderr.txt")));
        return new Sample(exit, seconds, Double.parseDouble(kilobytes) / 1024);
    }

    private static String row(String what, List<Sample> samples) {
        double[] s = samples.stream().mapToDouble(Sample::seconds).toArray();
        double[] m = samples.stream().mapToDouble(Sample::megabytes).toArray();
        return String.format(Locale.ROOT, "%-44s %9.3f %9s %9.1f %9s", what, median(s),
                range(s, "%.2f"), median(m), range(m, "%.0f"));
    }

    private static String ratio(String what, List<Sample> a, List<Sample> b) {
        return String.format(Locale.ROOT, "%-44s %9.2f %9s %9.2f", what,
                median(a.stream().mapToDouble(Sample::seconds).toArray())
                        / median(b.stream().mapToDouble(Sample::seconds).toArray()), "",
                median(a.stream().mapToDouble(Sample::megabytes).toArray())
                        / median(b.stream().mapToDouble(Sample::megabytes).toArray()));
    }

    private static String range(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + "-" + format, sorted[0],
                sorted[sorted.length - 1]);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
