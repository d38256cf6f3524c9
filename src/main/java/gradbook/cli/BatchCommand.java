package gradbook.cli;

import gradbook.batch.Batch;
import gradbook.batch.Inputs;
import gradbook.batch.Outcome;
import gradbook.batch.Outcome.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradbook batch}: many templates in, one workbook each out, several at a time. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = "Runs every template given, as run does, and writes each workbook into one"
                + " folder under run's name for it (a.xlsx gives a-gradbook.xlsx). Templates are"
                + " made several at a time; a failing one does not stop the others. At the end"
                + " it lists every failure and warning on standard error, and prints how many"
                + " were written, failed and skipped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every template written or up to date",
            "1:at least one template failed (bad template, or its output could not be"
                    + " written), or a folder could not be read",
            "2:bad usage (no template given, unknown option, --jobs below 1)"})
final class BatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEMPLATE", arity = "0..*", description = "A template, a folder"
            + " (its .xlsx and .xlsm files, not its subfolders' ones) or a quoted glob pattern"
            + " such as 'class/*.xlsx' ('**' reaches into subfolders). Folders and patterns"
            + " leave out files ending in -gradbook.xlsx, gradbook's own outputs.")
    List<String> templates = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Also take the templates"
            + " (or folders) listed in FILE, one path per line; - reads the list from standard"
            + " input.")
    String from;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "The folder to write the workbooks into, made if missing (default:"
                    + " the current folder, as for run).")
    Path outputFolder;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "How many templates to"
            + " make at a time (default: the number of processors, here ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--changed", description = "Skip a template whose workbook in DIR is up to"
            + " date: made by this gradbook version from a template of the same name and"
            + " contents (SHA-256), with the same --convention, --tolerance and --formulas.")
    boolean changed;

    @Mixin
    AuditOptions judging;

    @Mixin
    WritingOptions writing;

    @Option(names = {"-v", "--verbose"}, description = "Say what was read and written for each"
            + " template; show a stack trace on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at"
                    + " least 1, not " + jobs);
        }
        // Asked for before --from - reads standard input, which is the terminal then too.
        String password = writing.protection.password(spec.commandLine());
        Inputs inputs = new Inputs();
        try {
            templates.forEach(inputs::add);
            if (from != null) {
                inputs.addLines(list(from));
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("gradbook: " + describe(e) + "; check the path and its permissions");
            return Gradbook.BAD_INPUT;
        }
        inputs.warnings().forEach(w -> err.println("gradbook: warning: " + w));
        if (inputs.templates().isEmpty()) {
            // One line, as for any other problem; the folder -o names is not made for nothing.
            err.println("gradbook: no template to run; give templates, folders or patterns, or"
                    + " --from FILE (gradbook batch --help says more)");
            return Gradbook.USAGE;
        }
        try {
            Files.createDirectories(outputFolder);
        } catch (IOException e) {
            err.println("gradbook: " + describe(e) + "; check the path and its permissions");
            return Gradbook.BAD_INPUT;
        }
        Batch.Summary summary = run(inputs.templates(), password, err);
        Set<String> printed = new HashSet<>(); // a clash is one message for its templates
        for (Outcome o : summary.outcomes()) {
            if (!o.messages().isEmpty() && printed.add(o.messages().toString())) {
                Messages.print(o, err, verbose);
            }
            if (verbose && o.status() != Status.FAILED) {
                err.println((o.status() == Status.WRITTEN ? "wrote " : "up to date: ")
                        + o.output());
            }
        }
        out.println(summary.count(Status.WRITTEN) + " written, " + summary.count(Status.FAILED)
                + " failed, " + summary.count(Status.SKIPPED) + " skipped (up to date), in "
                + outputFolder);
        return summary.count(Status.FAILED) > 0 ? Gradbook.BAD_INPUT : 0;
    }

    private Batch.Summary run(List<Path> templates, String password, PrintWriter err) {
        ProgressBar bar = System.console() != null ? new ProgressBar(err, templates.size())
                : null;
        Batch.Settings settings = new Batch.Settings(outputFolder, judging.judging(),
                writing.force, changed, writing.modified(), password, jobs,
                writing.formulas);
        try {
            return Batch.run(templates, settings, (outcome, finished, total) -> {
                if (bar != null) {
                    bar.advance(outcome.status() == Status.FAILED);
                }
            });
        } finally {
            if (bar != null) {
                bar.clear();
            }
        }
    }

    private static List<String> list(String from) throws IOException {
        if (from.equals("-")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8));
            return in.lines().toList();
        }
        return Files.readAllLines(Path.of(from), StandardCharsets.UTF_8);
    }

    // A list, a folder or the output folder that cannot be read or made, as one line.
    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (cause instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (cause instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": is a file, not a folder";
        }
        return String.valueOf(cause.getMessage());
    }
}
