package gradbook.workbook;

import gradbook.audit.Audit;
import gradbook.audit.Tolerance;
import gradbook.core.Convention;
import gradbook.core.GradientStep;
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

    /** Runs gradbook on a template file, as {@code gradbook run} does. */
    static Generated fromTemplate(Path template, Path folder, String name)
            throws IOException, TemplateException {
        Files.createDirectories(folder);
        Template t = TemplateReader.read(template);
        Trace trace = GradientStep.take(t.network());
        Path out = folder.resolve(name + ".xlsx");
        WorkbookWriter.write(t, trace, audit(t, trace), out);
        return new Generated(name, out, trace, t.network().layers());
    }

    // The template's hand values judged as gradbook run judges them, so that the workbook has
    // its Audit sheet when the template has hand values.
    private static Audit audit(Template t, Trace trace) throws TemplateException {
        Trace notebook = Convention.NOTEBOOK.problem(t.network()) == null
                ? GradientStep.take(t.network(), Convention.NOTEBOOK) : null;
        return Audit.judge(trace, notebook, HandValueReader.read(t, trace),
                Tolerance.standard());
    }

    /** Writes a template for {@code network}, then runs gradbook on it. */
    static Generated fromNetwork(Network network, Path folder, String name)
            throws IOException, TemplateException {
        Files.createDirectories(folder);
        Path template = folder.resolve(name + "-template.xlsx");
        TemplateWriter.write(network, "Test network " + name, template);
        return fromTemplate(template, folder, name);
    }

    /**
     * The workbooks the round-trip tests open in each program: the worked example from the
     * repository's template, seeded random networks of depth 1 to 4, and a saturated network
     * whose |z| reach the hundreds, where a careless sigmoid formula overflows EXP, and two
     * networks with other activations, losses and several samples, and one trained for several
     * steps by Adam (issue #7). Written
     * once per test run, into target/real-programs/round-trip; no program writes over them.
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
            // Issue #7: a run of several steps; the twins of Adam's first step.
            set.add(fromNetwork(SampleNetworks.training(), folder, "adam-steps"));
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
