package gradbook.workbook;

import gradbook.audit.Audit;
import gradbook.audit.Tolerance;
import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Convention;
import gradbook.core.Exercise;
import gradbook.core.GradientStep;
import gradbook.core.Initialisation;
import gradbook.core.Loss;
import gradbook.core.Network;
import gradbook.core.Operation;
import gradbook.core.Networks;
import gradbook.core.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A workbook gradbook wrote for a test, with the trace and sheets it was written from. */
record Generated(String name, Path file, Trace trace, int layers) {
    private static List<Generated> roundTripSet;
    private static Generated autoLimited;

    /** Runs gradbook on a template file, as {@code gradbook run} does. */
    static Generated fromTemplate(Path template, Path folder, String name)
            throws IOException, TemplateException {
        return fromTemplate(template, folder, name, FormulaMode.AUTO);
    }

    /** As {@link #fromTemplate(Path, Path, String)}, with the twins {@code formulas} asks for. */
    static Generated fromTemplate(Path template, Path folder, String name, FormulaMode formulas)
            throws IOException, TemplateException {
        Files.createDirectories(folder);
        Template t = TemplateReader.read(template);
        Trace trace = GradientStep.take(t.network());
        Path out = folder.resolve(name + ".xlsx");
        WorkbookWriter.write(t, trace, audit(t, trace), out, null, formulas);
        return new Generated(name, out, trace, t.network().layers());
    }

    /** Writes {@code t}'s step to {@code out} as the commands do: reproducibly. */
    static Path writeReproducibly(Template t, Path out) {
        Reproducible.call(() -> {
            try {
                WorkbookWriter.write(t, GradientStep.take(t.network()), out);
            } catch (IOException | TemplateException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        return out;
    }

    // The template's hand values judged as gradbook run judges them, so that the workbook has
    // its Audit sheet when the template has hand values.
    private static Audit audit(Template t, Trace trace) throws TemplateException {
        return new Judging(Convention.TEXTBOOK, Tolerance.standard()).audit(t, trace);
    }

    /** Writes a template for {@code network}, then runs gradbook on it. */
    static Generated fromNetwork(Network network, Path folder, String name)
            throws IOException, TemplateException {
        return fromNetwork(network, folder, name, FormulaMode.AUTO);
    }

    /** As {@link #fromNetwork(Network, Path, String)}, with the twins {@code formulas} asks for. */
    static Generated fromNetwork(Network network, Path folder, String name, FormulaMode formulas)
            throws IOException, TemplateException {
        Files.createDirectories(folder);
        Path template = folder.resolve(name + "-template.xlsx");
        TemplateWriter.write(network, "Test network " + name, template);
        return fromTemplate(template, folder, name, formulas);
    }

    /**
     * A network whose W_0 (320 × 40, 12,800 entries) is over the size --formulas auto gives
     * every twin, written under auto, once per test run into target/real-programs/auto-limited.
     * Its weights are scaled by 1/√320 so that z stays of order 1 and the sigmoid unsaturated.
     */
    static synchronized Generated autoLimited() throws IOException, TemplateException {
        if (autoLimited == null) {
            autoLimited = fromNetwork(big(), RealPrograms.ROOT.resolve("auto-limited"),
                    "auto-limited", FormulaMode.AUTO);
        }
        return autoLimited;
    }

    /** The network of {@link #autoLimited()}: 320 inputs, 40 hidden units, 3 outputs. */
    static Network big() {
        Network n = Networks.random(new Random(5), 320, 40, 3);
        return new Network(n.x(), n.y(), n.W().stream().map(W -> W.scale(1 / Math.sqrt(320)))
                .toList(), n.b(), n.eta());
    }

    /**
     * The workbooks the round-trip tests open in each program: the worked example from the
     * repository's template, seeded random networks of depth 1 to 4, and a saturated network
     * whose |z| reach the hundreds, where a careless sigmoid formula overflows EXP, two
     * networks with other activations, losses and several samples, an exercise of gradbook
     * new, one in PyTorch's layout, and one trained for several steps by Adam (issue #7).
     * Written once per test run, into target/real-programs/round-trip; no program writes over
     * them.
     */
    static synchronized List<Generated> roundTripSet() throws IOException, TemplateException {
        if (roundTripSet == null) {
            Path folder = RealPrograms.ROOT.resolve("round-trip");
            List<Generated> set = new ArrayList<>();
            set.add(fromTemplate(Path.of("templates", "worked-example.xlsx"), folder,
                    "example"));
            for (long seed = 100; seed < 104; seed++) {
                Network network = Networks.random(seed);
                set.add(fromNetwork(network, folder, "random-depth-" + network.layers()));
            }
            Network wide = Networks.random(new Random(7), 3, 5, 4, 2);
            set.add(fromNetwork(new Network(wide.x(), wide.y(),
                    wide.W().stream().map(W -> W.scale(400)).toList(),
                    wide.b().stream().map(b -> b.scale(400)).toList(), wide.eta()),
                    folder, "saturated"));
            // Issue #7: the chosen functions and several samples.
            set.add(fromTemplate(Path.of("templates", "classifier-example.xlsx"), folder,
                    "classifier"));
            set.add(fromNetwork(SampleNetworks.withFunctions(), folder, "relu-identity"));
            // Issue #7: an exercise as gradbook new draws it, with its empty hand values.
            Path exercise = folder.resolve("new-exercise-template.xlsx");
            TemplateWriter.writeExercise(new Exercise(List.of(3, 4, 3), List.of(Activation.RELU,
                    Activation.SOFTMAX), Loss.CROSS_ENTROPY, BatchGradient.MEAN,
                    Initialisation.HE, 7, 2, null, null, 0.1).network(), "An exercise",
                    exercise);
            set.add(fromTemplate(exercise, folder, "new-exercise"));
            // Issue #7: weights output × input, samples as columns, a bias shared by a layer.
            Path pytorch = folder.resolve("pytorch-style-template.xlsx");
            Files.createDirectories(folder);
            TemplateWriter.write(SampleNetworks.pyTorchStyle(), "PyTorch-style network",
                    new TemplateLayout(true, true), java.util.Map.of(), pytorch);
            set.add(fromTemplate(pytorch, folder, "pytorch-style"));
            // Issue #7: a run of several steps; the twins of Adam's first step.
            set.add(fromNetwork(SampleNetworks.training(), folder, "adam-steps"));
            // Issue #7, part 4: sums of 33 terms, past Formulas.TERMS_WRITTEN_OUT, in both
            // weight layouts: z_0, z_2 and δ_0 as MMULT, or δ_0 as SUMPRODUCT of two columns;
            // 268 parameters, so that the gradient check still checks every entry.
            Network wide33 = Networks.random(new Random(8), 33, 3, 33, 1);
            for (boolean outByIn : List.of(false, true)) {
                String name = outByIn ? "wide-out-by-in" : "wide-in-by-out";
                Path template = folder.resolve(name + "-template.xlsx");
                TemplateWriter.write(wide33, "33 wide", new TemplateLayout(outByIn, false),
                        java.util.Map.of(), template);
                set.add(fromTemplate(template, folder, name));
            }
            roundTripSet = List.copyOf(set);
        }
        return roundTripSet;
    }

    /** The sheets gradbook generated, in order. */
    List<String> sheets() {
        return SheetPlan.names(layers);
    }

    /** How many Java values the workbook shows beside a twin: every entry, and S's table. */
    int javaValues() {
        // f(x) for x = −10, −9.5, …, 10, for each activation of one number in use (issue #7)
        long tabulated = trace.quantities().stream().filter(q -> q.name().matches("a_\\d+"))
                .map(q -> q.operation()).filter(f -> f != Operation.SOFTMAX).distinct().count();
        int n = 41 * (int) tabulated;
        for (var q : trace.quantities()) {
            n += q.value().rows() * q.value().cols();
        }
        return n;
    }

    @Override
    public String toString() {
        return name;
    }
}
