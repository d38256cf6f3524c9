package gradbook.batch;

import gradbook.batch.Outcome.Kind;
import gradbook.batch.Outcome.Message;
import gradbook.batch.Outcome.Status;
import gradbook.workbook.FormulaMode;
import gradbook.workbook.Judging;
import gradbook.workbook.Provenance;
import gradbook.workbook.Reproducible;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Regenerates many templates into one folder, several at a time, in this process: each
 * template goes through {@link Generation} on a thread of its own, a failing one does not stop
 * the others, and the outcomes come back in the order the templates were given.
 *
 * <p>Before anything runs, the outputs are planned: two templates that would write the same
 * workbook (names that differ only in case count as the same, as they do on Windows and macOS),
 * or a template that would write over another template of the batch, fail with a message
 * naming both, and neither is written.
 *
 * <p>The workbooks carry no clock: the batch runs inside {@link Reproducible#call}, set once
 * on the calling thread before the workers start.
 */
public final class Batch {
    private Batch() {
    }

    /**
     * How a batch runs.
     *
     * @param outputFolder where every workbook is written; it must exist
     * @param force replace an existing output that gradbook did not write
     * @param changed skip a template whose output is up to date (see {@link Provenance})
     * @param modified the date last modified to give every workbook; null gives none
     * @param password opens the password-protected templates, and protects their outputs;
     *     null for none
     * @param jobs how many templates are made at a time, at least 1
     * @param formulas which formula twins to write ({@code --formulas})
     */
    public record Settings(Path outputFolder, Judging judging, boolean force, boolean changed,
            Instant modified, String password, int jobs, FormulaMode formulas) {
        public Settings {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
            }
        }
    }

    /** Told of each outcome as it comes, on the thread that called {@link #run}. */
    public interface Progress {
        void finished(Outcome outcome, int finished, int total);
    }

    /** The outcome of every template, in the order given. */
    public record Summary(List<Outcome> outcomes) {
        public Summary {
            outcomes = List.copyOf(outcomes);
        }

        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    /** Makes every template's workbook; every failure ends in an outcome, none is thrown. */
    public static Summary run(List<Path> templates, Settings settings, Progress progress) {
        return Reproducible.call(() -> runAll(templates, settings, progress));
    }

    private static Summary runAll(List<Path> templates, Settings settings, Progress progress) {
        Outcome[] outcomes = new Outcome[templates.size()];
        List<Path> outputs = templates.stream()
                .map(t -> settings.outputFolder().resolve(Generation.outputName(t))).toList();
        Map<Integer, String> clashes = clashes(templates, outputs);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(settings.jobs(), templates.size())), daemons());
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            int submitted = 0;
            int finished = 0;
            for (int i = 0; i < templates.size(); i++) {
                Path template = templates.get(i);
                Path output = outputs.get(i);
                if (clashes.containsKey(i)) {
                    outcomes[i] = failed(template, output, clashes.get(i), null);
                    progress.finished(outcomes[i], ++finished, templates.size());
                    continue;
                }
                int at = i;
                done.submit(() -> {
                    outcomes[at] = one(template, output, settings);
                    return at;
                });
                submitted++;
            }
            for (int k = 0; k < submitted; k++) {
                int at = take(done);
                progress.finished(outcomes[at], ++finished, templates.size());
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(Arrays.asList(outcomes));
    }

    private static Outcome one(Path template, Path output, Settings settings) {
        try {
            if (settings.changed() && upToDate(template, output, settings)) {
                return new Outcome(template, output, Status.SKIPPED, List.of(), null);
            }
            return Generation.run(new Generation.Request(template, output, settings.judging(),
                    false, settings.force(), settings.password(), settings.modified(),
                    settings.formulas()));
        } catch (RuntimeException e) {
            // One template that breaks something unforeseen must not stop the others.
            return failed(template, output, template + ": internal error (" + e + "); please"
                    + " report it with this template", e);
        }
    }

    private static boolean upToDate(Path template, Path output, Settings settings) {
        try {
            Provenance wanted = Provenance.of(template, settings.judging().convention(),
                    settings.judging().tolerance(), settings.formulas());
            return wanted.equals(Provenance.read(output));
        } catch (IOException e) {
            return false; // the template cannot be read: its run says why
        }
    }

    // Which templates may not be written, and why: a shared output, or another template.
    private static Map<Integer, String> clashes(List<Path> templates, List<Path> outputs) {
        Map<String, List<Integer>> byOutput = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            byOutput.computeIfAbsent(key(outputs.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> byTemplate = new LinkedHashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            byTemplate.putIfAbsent(key(templates.get(i)), i);
        }
        Map<Integer, String> clashes = new LinkedHashMap<>();
        for (List<Integer> same : byOutput.values()) {
            if (same.size() > 1) {
                String clash = clash(same.stream().map(templates::get).toList(),
                        same.stream().map(outputs::get).distinct().toList());
                same.forEach(i -> clashes.put(i, clash));
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Integer other = byTemplate.get(key(outputs.get(i)));
            if (other != null && !clashes.containsKey(i)) {
                clashes.put(i, templates.get(i) + " would write " + outputs.get(i) + ", which is"
                        + " the template " + templates.get(other) + " of this batch; write into"
                        + " another output folder");
            }
        }
        return clashes;
    }

    private static String clash(List<Path> templates, List<Path> outputs) {
        String names = templates.stream().map(Path::toString)
                .collect(Collectors.joining(" and "));
        String why = outputs.size() == 1
                ? (templates.size() == 2 ? " would both write " : " would all write ")
                        + outputs.get(0)
                : " would write " + outputs.stream().map(Path::toString)
                        .collect(Collectors.joining(" and ")) + ", names that differ only in"
                        + " case, which are one file on Windows and macOS";
        return names + why + "; rename one, or batch them into different output folders";
    }

    private static String key(Path p) {
        return p.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
    }

    private static Outcome failed(Path template, Path output, String problem, Exception e) {
        return new Outcome(template, output, Status.FAILED,
                List.of(new Message(Kind.PROBLEM, problem)), e);
    }

    private static int take(CompletionService<Integer> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a template's task failed", e.getCause());
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "gradbook-batch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
