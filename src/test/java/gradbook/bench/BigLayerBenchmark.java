package gradbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Exercise;
import gradbook.core.GradientStep;
import gradbook.core.Initialisation;
import gradbook.core.Loss;
import gradbook.core.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7, part 4: time and peak memory of {@code gradbook run} on an MNIST-size network,
 * 784-128-10 on one sample, and on one with 4× its parameters, 784-512-10, with a smaller one,
 * 784-32-10 (a quarter), for a third point on the line. The goals: time grows no more than
 * linearly with the number of parameters; the first fits in a 512 MB heap, the second in 1 GB.
 *
 * <p>Each template is made by the jar's own {@code gradbook new --layers … --seed 1}. Each is run
 * at the heap of its goal (512m, 512m, 1g) and at a roomy one (-Dbench.heap, default 3g) that
 * times the work without pressure from the collector; with {@code --formulas auto} (both
 * heaps) and {@code --formulas all} (the roomy one) when the jar has that option, else with its
 * defaults. Beside each, in the same run, a {@link Baseline}: POI alone opening the template
 * and writing a workbook of as many number cells as the network has parameters. All of them in
 * turn, round by round, so that a change in the machine's load falls on every one; figures are
 * medians. A run that runs out of memory, fails or outlasts -Dbench.timeout (seconds, default
 * 300) is a result, shown as such, and is not repeated. After each run that succeeded the
 * output is checked against a trace computed here ({@link OutputCheck}), so no figure comes
 * from a broken workbook.
 *
 * <p>Not part of the suite (its name does not end in Test). It starts target/gradbook.jar, so
 * build that first: {@code mvn -q -B package -DskipTests && mvn -q -B test
 * -Dtest=BigLayerBenchmark}. {@code -Dbench.runs=N} sets the number of rounds (default 3),
 * {@code -Dbench.jar=PATH} another build's jar to measure. Each run is one line on the console
 * as it ends; stopping the benchmark stops the process it times. The table is printed and kept
 * in target/bench/big-layers.txt, the last stderr of each setting in target/bench/big-layers/.
 * Peak memory is the resident set size that GNU time reports (Debian's package time), the whole
 * process's: the heap, the JVM's own memory and the classes.
 */
class BigLayerBenchmark {
    private static final Path FOLDER = Path.of("target", "bench", "big-layers").toAbsolutePath();
    private static final Path TABLE = FOLDER.resolveSibling("big-layers.txt");
    private static final Path JAR = Path.of(System.getProperty("bench.jar",
            "target/gradbook.jar")).toAbsolutePath();
    private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final long TIMEOUT = Long.getLong("bench.timeout", 300);
    private static final String ROOMY = System.getProperty("bench.heap", "3g");

    /** One network of the benchmark and the heap its goal gives it. */
    private record Size(List<Integer> widths, String heap, Path template) {
        static Size of(String heap, Integer... widths) {
            List<Integer> w = List.of(widths);
            return new Size(w, heap, FOLDER.resolve("template-" + joined(w, "-") + ".xlsx"));
        }

        String label() {
            return joined(widths, "-");
        }

        long parameters() {
            long n = 0;
            for (int k = 0; k + 1 < widths.size(); k++) {
                n += (long) widths.get(k) * widths.get(k + 1) + widths.get(k + 1);
            }
            return n;
        }
    }

    /** What runs: gradbook with its --formulas word (null: its defaults), or the baseline. */
    private record Program(String name, String formulas) {
        boolean baseline() {
            return name.equals("baseline");
        }

        @Override
        public String toString() {
            return formulas == null ? name : name + " --formulas " + formulas;
        }
    }

    private record Setting(Size size, Program program, String heap) {
        String file() {
            String p = program.formulas() == null ? program.name()
                    : program.name() + "-" + program.formulas();
            return size.label() + "-" + p + "-" + heap;
        }
    }

    private enum State { OK, OUT_OF_MEMORY, TIMED_OUT, FAILED }

    private record Sample(State state, int exit, double seconds, double megabytes,
            String check) {
    }

    private static final List<Size> sizes = new ArrayList<>();
    private static final List<Program> programs = new ArrayList<>();
    private static final Map<Size, Trace> traces = new LinkedHashMap<>();
    private static boolean formulasOption;

    @BeforeAll
    static void prepare() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run mvn -q -B package"
                + " -DskipTests first");
        assertTrue(Files.isRegularFile(TEST_CLASSES.resolve("gradbook/bench/Baseline.class")),
                "the baseline is not compiled");
        Files.createDirectories(FOLDER);
        for (Size size : List.of(Size.of("512m", 784, 32, 10), Size.of("512m", 784, 128, 10),
                Size.of("1g", 784, 512, 10))) {
            assertEquals(0, quietly(List.of("java", "-jar", JAR.toString(), "new", "--layers",
                    joined(size.widths(), ","), "--seed", "1", "--force",
                    size.template().toString())), "gradbook new failed for " + size.label()
                    + ": see " + FOLDER.resolve("new.err"));
            sizes.add(size);
        }
        formulasOption = help().contains("--formulas");
        if (formulasOption) {
            programs.add(new Program("gradbook", "auto"));
            programs.add(new Program("gradbook", "all"));
        } else {
            programs.add(new Program("gradbook", null));
        }
        programs.add(new Program("baseline", null));
    }

    @Test
    void measures_big_layers() throws Exception {
        long start = System.nanoTime();
        List<Setting> settings = new ArrayList<>();
        for (Size size : sizes) {
            for (Program program : programs) {
                for (String heap : Stream.of(size.heap(), ROOMY).distinct().toList()) {
                    // The goals are for the default; every formula is timed, not fitted.
                    if (!"all".equals(program.formulas()) || heap.equals(ROOMY)) {
                        settings.add(new Setting(size, program, heap));
                    }
                }
            }
        }
        Map<Setting, List<Sample>> samples = new LinkedHashMap<>();
        settings.forEach(s -> samples.put(s, new ArrayList<>()));
        for (int round = 0; round < RUNS; round++) {
            for (Setting s : settings) {
                List<Sample> done = samples.get(s);
                if (done.isEmpty() || done.get(0).state() == State.OK) {
                    Sample sample = run(s);
                    done.add(sample);
                    System.out.printf(Locale.ROOT, "round %d of %d: %s, %s, -Xmx%s: %s, %.1f s,"
                            + " %.0f MB%s%n", round + 1, RUNS, s.size().label(), s.program(),
                            s.heap(), describe(sample), sample.seconds(), sample.megabytes(),
                            sample.check() == null ? "" : ", output WRONG: " + sample.check());
                }
            }
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        String text = table(samples, minutes);
        System.out.println(text);
        Files.writeString(TABLE, text + "\n");
    }

    private static String table(Map<Setting, List<Sample>> samples, double minutes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Big layers (issue #7): gradbook run on one sample"
                + " of a network made by gradbook new --seed 1, and the baseline (POI alone:%n"
                + "the template opened, as many number cells as parameters written); medians of"
                + " %d round%s, all settings in turn each round.%n%s; a run that fails is not"
                + " repeated; time limit %d s a run. Took %.1f min.", RUNS, RUNS == 1 ? "" : "s",
                formulasOption
                ? JAR + " has --formulas: auto and all measured"
                : JAR + " has no --formulas option: its defaults measured", TIMEOUT, minutes));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%-11s %9s %-26s %5s %8s %11s %8s %9s %-14s %s",
                "network", "params", "program", "heap", "wall s", "(min-max)", "peak MB",
                "(max)", "result", "output"));
        for (Map.Entry<Setting, List<Sample>> e : samples.entrySet()) {
            lines.add(row(e.getKey(), e.getValue()));
        }
        lines.add("");
        lines.add("Goals");
        Size first = sizes.get(1);
        Size big = sizes.get(2);
        for (Program p : programs) {
            if (samples.containsKey(new Setting(first, p, first.heap())) && !p.baseline()) {
                lines.add(goal(samples, p, first) + "; " + goal(samples, p, big));
            }
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Time against parameters, at the %s heap (each"
                + " ratio beside the parameters' ratio; the exponent k of time ∝ params^k by"
                + " least squares on logs over the three sizes; linear or better is k ≤ 1)",
                ROOMY));
        for (Program p : programs) {
            lines.add(linearity(samples, p));
        }
        return String.join("\n", lines);
    }

    private static String row(Setting s, List<Sample> runs) {
        Sample first = runs.get(0);
        double[] t = runs.stream().mapToDouble(Sample::seconds).toArray();
        double[] m = runs.stream().mapToDouble(Sample::megabytes).toArray();
        String result = describe(first);
        String output;
        if (s.program().baseline() || first.state() != State.OK) {
            output = first.state() == State.OK ? ""
                    : first.state() == State.TIMED_OUT ? "stopped at the time limit"
                    : "see big-layers/" + s.file() + ".err";
        } else {
            List<String> wrong = runs.stream().map(Sample::check).filter(c -> c != null)
                    .distinct().toList();
            output = wrong.isEmpty() ? "checked, " + runs.size() + " of " + runs.size()
                    + " right" : "WRONG: " + String.join("; ", wrong);
        }
        return String.format(Locale.ROOT, "%-11s %,9d %-26s %5s %8.2f %11s %8.0f %9s %-14s %s",
                s.size().label(), s.size().parameters(), s.program(), s.heap(), SpeedBenchmark.median(t),
                range(t), SpeedBenchmark.median(m), String.format(Locale.ROOT, "%.0f",
                        Arrays.stream(m).max().orElse(0)), result, output);
    }

    private static String describe(Sample s) {
        return switch (s.state()) {
            case OK -> "ok";
            case OUT_OF_MEMORY -> "OUT OF MEMORY";
            case TIMED_OUT -> "TIMED OUT";
            case FAILED -> "FAILED, exit " + s.exit();
        };
    }

    private static String goal(Map<Setting, List<Sample>> samples, Program p, Size size) {
        List<Sample> runs = samples.get(new Setting(size, p, size.heap()));
        Sample s = runs.get(0);
        boolean wrong = runs.stream().anyMatch(r -> r.check() != null);
        return String.format(Locale.ROOT, "%s, %s in -Xmx%s: %s", p, size.label(), size.heap(),
                wrong ? "runs, but its output is WRONG"
                : s.state() == State.OK ? "fits" : s.state() == State.OUT_OF_MEMORY
                        ? "does NOT fit, out of memory" : "not known, " + describe(s));
    }

    private static String linearity(Map<Setting, List<Sample>> samples, Program p) {
        List<String> parts = new ArrayList<>();
        double[] logP = new double[sizes.size()];
        double[] logT = new double[sizes.size()];
        double[] seconds = new double[sizes.size()];
        boolean all = true;
        for (int i = 0; i < sizes.size(); i++) {
            Size size = sizes.get(i);
            List<Sample> runs = samples.get(new Setting(size, p, ROOMY));
            if (runs.get(0).state() != State.OK) {
                all = false;
                parts.add(size.label() + " " + describe(runs.get(0)));
                continue;
            }
            seconds[i] = SpeedBenchmark.median(runs.stream().mapToDouble(Sample::seconds).toArray());
            logP[i] = Math.log(size.parameters());
            logT[i] = Math.log(seconds[i]);
            parts.add(String.format(Locale.ROOT, "%s %.1f µs/param", size.label(),
                    seconds[i] * 1e6 / size.parameters()));
        }
        if (all) {
            for (int i = 1; i < sizes.size(); i++) {
                parts.add(String.format(Locale.ROOT, "%s/%s time %.2f× for params %.2f×",
                        sizes.get(i).label(), sizes.get(i - 1).label(),
                        seconds[i] / seconds[i - 1], (double) sizes.get(i).parameters()
                                / sizes.get(i - 1).parameters()));
            }
            parts.add(String.format(Locale.ROOT, "k = %.2f", slope(logP, logT)));
        }
        return String.format(Locale.ROOT, "%-26s %s", p, String.join("; ", parts));
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    private static Sample run(Setting s) throws IOException, InterruptedException {
        Path out = FOLDER.resolve(s.file() + ".xlsx");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + s.heap()));
        Size size = s.size();
        if (s.program().baseline()) {
            command.addAll(List.of("-cp", TEST_CLASSES + ":" + JAR, Baseline.class.getName(),
                    size.template().toString(), out.toString(), Baseline.Shape.format(List.of(
                            new Baseline.Shape("Parameters out", (int) size.parameters(), 0,
                                    0)))));
        } else {
            command.addAll(List.of("-jar", JAR.toString(), "run", size.template().toString(),
                    "-o", out.toString()));
            if (s.program().formulas() != null) {
                command.addAll(List.of("--formulas", s.program().formulas()));
            }
        }
        Path err = FOLDER.resolve(s.file() + ".err");
        Sample sample = timed(command, err);
        if (sample.state() == State.OK && !s.program().baseline()) {
            String problem = OutputCheck.problem(out, trace(size));
            sample = new Sample(sample.state(), sample.exit(), sample.seconds(),
                    sample.megabytes(), problem);
        }
        Files.deleteIfExists(out);
        return sample;
    }

    // The step in this process, from the network gradbook new draws with its defaults.
    private static Trace trace(Size size) {
        return traces.computeIfAbsent(size, s -> GradientStep.take(new Exercise(s.widths(),
                List.of(Activation.byWord("sigmoid")), Loss.byWord("half_sse"),
                BatchGradient.byWord("sum"), Initialisation.byWord("xavier"), 1, 1, null, null,
                0.1).network()));
    }

    // The wall time of the whole process and its peak resident memory as GNU time measures
    // it; a process that outlasts the time limit is ended, the JVM under GNU time first.
    private static Sample timed(List<String> command, Path err)
            throws IOException, InterruptedException {
        Path memory = FOLDER.resolve("peak-rss.txt");
        Files.deleteIfExists(memory);
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o",
                memory.toString()));
        timed.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(timed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        // Stopping the benchmark stops the program it is timing, which holds gigabytes.
        Thread stop = new Thread(() -> end(process));
        Runtime.getRuntime().addShutdownHook(stop);
        boolean finished;
        try {
            finished = process.waitFor(TIMEOUT, TimeUnit.SECONDS);
            if (!finished) {
                end(process);
                process.waitFor();
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int exit = process.exitValue();
        String stderr = Files.readString(err);
        State state = !finished ? State.TIMED_OUT
                : stderr.contains("out of memory") || stderr.contains("OutOfMemoryError")
                        ? State.OUT_OF_MEMORY
                        : exit == 0 ? State.OK : State.FAILED;
        List<String> lines = Files.exists(memory) ? Files.readAllLines(memory) : List.of();
        double megabytes = lines.isEmpty() ? Double.NaN
                : Double.parseDouble(lines.get(lines.size() - 1).trim()) / 1024;
        return new Sample(state, exit, seconds, megabytes, null);
    }

    private static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int quietly(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(FOLDER.resolve("new.err").toFile()).start().waitFor();
    }

    private static String help() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "run", "--help")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text;
    }

    private static String joined(List<Integer> widths, String separator) {
        return widths.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }

    private static String range(double[] values) {
        return String.format(Locale.ROOT, "%.1f-%.1f", Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }
}
