package gradbook.cli;

import gradbook.audit.AnswerKey;
import gradbook.audit.Tolerance;
import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Convention;
import gradbook.core.Exercise;
import gradbook.core.Initialisation;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.workbook.Judging;
import gradbook.workbook.OutputTarget;
import gradbook.workbook.TemplateException;
import gradbook.workbook.TemplateWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradbook new}: a template drawn from layer widths and a seed, for an exercise. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = "Writes a template for an exercise: the network of the widths given,"
                + " weights drawn from a named initialisation under a seed (rounded to 4"
                + " decimals), inputs and labels drawn or given, and a Hand Values sheet of"
                + " empty cells for every quantity a student computes. The same options give"
                + " the same bytes. With --seeds, one exercise per seed and its answer key.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the output could not or may not be written",
            "2:bad usage"})
final class NewCommand implements Callable<Integer> {
    private static final Pattern SEEDS = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    @Parameters(paramLabel = "OUT", arity = "0..1", description = "The .xlsx template to"
            + " write (not with --seeds).")
    Path output;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "N",
            description = "The widths: the input's, then each layer's, e.g. 2,3,2 for x of 2,"
                    + " a hidden layer of 3 units and an output layer of 2.")
    List<Integer> layers;

    @Option(names = "--activation", split = ",", paramLabel = "F",
            defaultValue = "sigmoid", description = "One for every layer, or one per layer:"
                    + " sigmoid (default), tanh, relu, identity, softmax (last layer only).")
    List<String> activation;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "half_sse",
            description = "half_sse (default), sse, mse, cross_entropy.")
    String loss;

    @Option(names = "--batch-gradient", paramLabel = "HOW", defaultValue = "sum",
            description = "With several samples, E is their sum (default) or mean.")
    String batch;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "xavier",
            description = "The weights: xavier (default; Glorot uniform, limit"
                    + " √(6/(fan_in+fan_out))), he (normal, deviation √(2/fan_in)), uniform"
                    + " (U(−1, 1), the biases too). Biases are 0 under xavier and he.")
    String init;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the draw"
            + " (default: 1).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "FIRST..LAST", description = "One exercise per"
            + " seed, e.g. 1..30, each written with its answer key into -o DIR as"
            + " exercise-SEED.xlsx and exercise-SEED-key.json.")
    String seeds;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "With --seeds: the"
            + " folder to write into (made if missing; default: the current folder).")
    Path folder;

    @Option(names = "--samples", paramLabel = "N", description = "How many samples to draw"
            + " (default: as many as --x or --y give, else 1).")
    Integer samples;

    @Option(names = "--x", paramLabel = "V,V,…", description = "The inputs of one sample;"
            + " repeat for each sample. Drawn uniform in [−1, 1] when not given.")
    List<String> x = new ArrayList<>();

    @Option(names = "--y", paramLabel = "V,V,…", description = "The labels of one sample;"
            + " repeat for each sample. Drawn when not given: one-hot under softmax, else"
            + " uniform in [0, 1].")
    List<String> y = new ArrayList<>();

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.1",
            description = "The learning rate η (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--key", description = "Also write the answer key, as gradbook key writes"
            + " it in JSON, beside OUT as OUT's base name with -key.json.")
    boolean key;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "With --seeds, name each file as it is"
            + " written; show a stack trace on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One exercise to write: its seed, the template and the answer key, or null for none. */
    private record Target(long seed, Path template, Path key) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> usage = new ArrayList<>();
        List<Target> targets = targets(usage);
        Exercise exercise = usage.isEmpty() ? exercise(usage) : null;
        if (!usage.isEmpty()) {
            usage.forEach(p -> err.println("gradbook: " + p));
            return Gradbook.USAGE;
        }
        int exit = writeAll(exercise, targets, err);
        if (exit == 0) {
            spec.commandLine().getOut().println(seeds != null ? "wrote " + targets.size()
                    + " exercises and their answer keys in " + folder() : "wrote " + output
                    + (key ? " and " + targets.get(0).key() : ""));
        }
        return exit;
    }

    // Every target checked before any is written, so that a refusal leaves nothing half done.
    private int writeAll(Exercise exercise, List<Target> targets, PrintWriter err) {
        try {
            if (seeds != null) {
                Files.createDirectories(folder());
            }
        } catch (IOException e) {
            err.println("gradbook: " + folder() + ": cannot make the folder (" + e.getMessage()
                    + "); choose another -o");
            return fail(e, err);
        }
        List<String> problems = new ArrayList<>();
        List<Path> existing = new ArrayList<>();
        for (Target t : targets) {
            check(t.template(), problems, existing);
            if (t.key() != null) {
                check(t.key(), problems, existing);
            }
        }
        if (!existing.isEmpty()) {
            problems.add((existing.size() == 1 ? existing.get(0) + " exists"
                    : existing.get(0) + " and " + (existing.size() - 1) + " more of the files to"
                            + " write exist") + "; give --force to replace "
                    + (existing.size() == 1 ? "it" : "them") + ", or choose another"
                    + (seeds == null ? " OUT" : " -o"));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("gradbook: " + p));
            return Gradbook.BAD_INPUT;
        }
        try {
            for (Target t : targets) {
                write(exercise, t, verbose && seeds != null ? err : null);
            }
            return 0;
        } catch (IOException e) {
            err.println("gradbook: " + e.getMessage());
            return fail(e, err);
        } catch (TemplateException e) {
            // The template was just written by gradbook itself, so this is a bug of ours.
            return Formats.fail(e, err, verbose);
        }
    }

    private int fail(Exception e, PrintWriter err) {
        if (verbose) {
            e.printStackTrace(err);
        }
        return Gradbook.BAD_INPUT;
    }

    // Stricter than run: a workbook gradbook wrote may hold values a person typed, which a new
    // exercise would throw away, so any existing file needs --force.
    private void check(Path file, List<String> problems, List<Path> existing) {
        try {
            OutputTarget.checkFolder(file, seeds == null ? "OUT" : "-o");
            if (Files.exists(file) && !force) {
                existing.add(file);
            }
        } catch (OutputTarget.OutputException e) {
            problems.add(e.getMessage());
        }
    }

    private void write(Exercise exercise, Target t, PrintWriter log)
            throws IOException, TemplateException {
        Exercise drawn = exercise.withSeed(t.seed());
        TemplateWriter.writeExercise(drawn.network(), title(drawn), t.template());
        if (log != null) {
            log.println("wrote " + t.template());
        }
        if (t.key() != null) {
            AnswerKey key = KeyCommand.answerKey(t.template(), null,
                    new Judging(Convention.TEXTBOOK, Tolerance.standard()));
            try {
                OutputTarget.writeText(t.key(), key::writeJson);
            } catch (IOException e) {
                throw new OutputTarget.OutputException(t.key() + ": cannot be written ("
                        + e.getMessage() + ")", e);
            }
            if (log != null) {
                log.println("wrote " + t.key());
            }
        }
    }

    private static String title(Exercise e) {
        String widths = String.join(", ", e.widths().stream().map(String::valueOf).toList());
        String functions = String.join(", ", e.activation().stream().distinct()
                .map(Activation::word).toList());
        return "Exercise, seed " + e.seed() + ": widths " + widths + " (input first), "
                + functions + ", " + e.loss().word() + "; weights by " + e.init().word()
                + ", every number to " + Initialisation.DECIMALS + " decimals";
    }

    private Path folder() {
        return folder != null ? folder : Path.of(".");
    }

    // Where to write: OUT (and its key), or one exercise and key per seed in -o DIR.
    private List<Target> targets(List<String> usage) {
        List<Target> targets = new ArrayList<>();
        if (seeds == null) {
            if (output == null) {
                usage.add("name the template to write, e.g. gradbook new exercise.xlsx"
                        + " --layers 2,3,2, or give --seeds FIRST..LAST -o DIR");
            } else if (!output.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                usage.add(output + ": the template must be an .xlsx file; give OUT a name"
                        + " ending in .xlsx");
            } else if (folder != null) {
                usage.add("-o names the folder of --seeds; give the template's name as OUT");
            } else {
                targets.add(new Target(seed == null ? 1 : seed, output, key ? keyOf(output)
                        : null));
            }
            return targets;
        }
        Matcher range = SEEDS.matcher(seeds.strip());
        if (output != null || seed != null) {
            usage.add("--seeds writes exercise-SEED.xlsx for each seed into -o DIR; give"
                    + " neither OUT nor --seed with it");
        } else if (!range.matches() || Long.parseLong(range.group(1))
                > Long.parseLong(range.group(2))) {
            usage.add("--seeds: expected FIRST..LAST, e.g. 1..30, with FIRST ≤ LAST, but found"
                    + " \"" + seeds + "\"");
        } else {
            long first = Long.parseLong(range.group(1));
            long last = Long.parseLong(range.group(2));
            for (long s = first; s <= last; s++) {
                Path template = folder().resolve("exercise-" + s + ".xlsx");
                targets.add(new Target(s, template, keyOf(template)));
            }
        }
        return targets;
    }

    private static Path keyOf(Path template) {
        String name = template.getFileName().toString();
        return template.resolveSibling(name.substring(0, name.length() - ".xlsx".length())
                + "-key.json");
    }

    // The network asked for, its seed aside; what does not fit goes to usage, one line each.
    private Exercise exercise(List<String> usage) {
        if (layers.size() < 2 || layers.stream().anyMatch(n -> n < 1)) {
            usage.add("--layers: expected the input's width and at least one layer's, each 1"
                    + " or more, e.g. 2,3,2, but found " + join(layers));
            return null;
        }
        int count = layers.size() - 1;
        List<Activation> functions = new ArrayList<>();
        for (String word : activation) {
            Activation f = Activation.byWord(word);
            if (f == null) {
                usage.add("--activation: expected one of " + Activation.words() + " but found \""
                        + word + "\"");
                return null;
            }
            functions.add(f);
        }
        if (functions.size() != 1 && functions.size() != count) {
            usage.add("--activation: " + functions.size() + " functions for " + count
                    + " layers; give one for every layer, or one per layer, the first layer's"
                    + " first");
            return null;
        }
        Loss l = choice("--loss", loss, Loss.byWord(loss), Loss.words(), usage);
        BatchGradient b = choice("--batch-gradient", batch, BatchGradient.byWord(batch),
                BatchGradient.words(), usage);
        Initialisation i = choice("--init", init, Initialisation.byWord(init),
                Initialisation.words(), usage);
        Matrix inputs = samples("--x", x, layers.get(0), "the input's width", usage);
        Matrix labels = samples("--y", y, layers.get(count), "the last layer's width", usage);
        int n = sampleCount(inputs, labels, usage);
        if (!usage.isEmpty()) {
            return null;
        }
        if (!Double.isFinite(eta)) {
            usage.add("--eta: expected a number, e.g. 0.1, but found " + eta);
            return null;
        }
        Exercise e = new Exercise(layers, functions, l, b, i, seed == null ? 1 : seed, n,
                inputs, labels, eta);
        for (Network.ShapeProblem p : e.network().shapeProblemsByName()) {
            usage.add(p.message());
        }
        return e;
    }

    private static <T> T choice(String option, String word, T found, String allowed,
            List<String> usage) {
        if (found == null) {
            usage.add(option + ": expected one of " + allowed + " but found \"" + word + "\"");
        }
        return found;
    }

    // One sample per repetition of the option, features × samples as the core holds them.
    private static Matrix samples(String option, List<String> given, int width, String what,
            List<String> usage) {
        if (given.isEmpty()) {
            return null;
        }
        double[][] e = new double[width][given.size()];
        for (int s = 0; s < given.size(); s++) {
            String[] numbers = given.get(s).split(",", -1);
            if (numbers.length != width) {
                usage.add(option + " " + given.get(s) + ": " + numbers.length + " numbers, but "
                        + what + " is " + width + "; give " + width + " per sample");
                return null;
            }
            for (int i = 0; i < width; i++) {
                try {
                    e[i][s] = Double.parseDouble(numbers[i].strip());
                } catch (NumberFormatException ex) {
                    e[i][s] = Double.NaN;
                }
                if (!Double.isFinite(e[i][s])) {
                    usage.add(option + " " + given.get(s) + ": expected a number but found \""
                            + numbers[i].strip() + "\"; write numbers with a . as in 0.5");
                    return null;
                }
            }
        }
        return Matrix.of(e);
    }

    private int sampleCount(Matrix inputs, Matrix labels, List<String> usage) {
        int n = samples != null ? samples : inputs != null ? inputs.cols()
                : labels != null ? labels.cols() : 1;
        if (n < 1) {
            usage.add("--samples: expected 1 or more, but found " + n);
        }
        if (inputs != null && inputs.cols() != n || labels != null && labels.cols() != n) {
            List<String> counts = new ArrayList<>();
            if (samples != null) {
                counts.add(samples + " by --samples");
            }
            if (inputs != null) {
                counts.add(inputs.cols() + " by --x");
            }
            if (labels != null) {
                counts.add(labels.cols() + " by --y");
            }
            usage.add("--x, --y and --samples disagree on the number of samples ("
                    + String.join(", ", counts) + "); give --x and --y once per sample");
        }
        return n;
    }

    private static String join(List<Integer> widths) {
        return String.join(",", widths.stream().map(String::valueOf).toList());
    }
}
