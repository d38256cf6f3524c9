package gradbook.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The templates a batch is given: files as named; the .xlsx and .xlsm files of a folder (not
 * of its subfolders); and the files a glob pattern such as {@code class/*.xlsx} matches, which
 * gradbook expands itself so that it works the same whatever the shell ({@code *} and
 * {@code ?} within one folder, {@code **} across folders, {@code [a-c]}, {@code {a,b}}).
 *
 * <p>Folders and patterns leave out hidden files, Excel's lock files ({@code ~$…}) and
 * gradbook's own outputs ({@code …-gradbook.xlsx}), so that a folder can be batched again
 * into itself; a file named as such is always taken. A template named twice is taken once.
 */
public final class Inputs {
    private static final String GLOB_CHARACTERS = "*?[{";

    private final Map<Path, Path> templates = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * Adds what one argument names: a file, a folder or a pattern.
     *
     * @throws UncheckedIOException when a folder cannot be read
     */
    public Inputs add(String argument) {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            List<Path> found = list(path, 1, p -> isTemplateName(p.getFileName().toString()));
            found.forEach(this::take);
            if (found.isEmpty()) {
                warnings.add(argument + ": the folder holds no .xlsx or .xlsm file");
            }
        } else if (!Files.exists(path) && isPattern(argument)) {
            List<Path> found = glob(argument);
            found.forEach(this::take);
            if (found.isEmpty()) {
                warnings.add(argument + ": the pattern matches no file");
            }
        } else {
            take(path); // a missing file fails as a template does, with its own message
        }
        return this;
    }

    /** Adds every line of a list as a file or folder, as named; blank lines are skipped. */
    public Inputs addLines(List<String> lines) {
        for (String line : lines) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                add(name);
            } else {
                take(path);
            }
        }
        return this;
    }

    /** The templates in the order given, each once. */
    public List<Path> templates() {
        return List.copyOf(templates.values());
    }

    /** A folder or pattern that gave nothing, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void take(Path template) {
        templates.putIfAbsent(template.toAbsolutePath().normalize(), template);
    }

    private static boolean isPattern(String argument) {
        return argument.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0);
    }

    // The folders before the first segment with a glob character are walked; the rest of the
    // pattern is matched against each file's path below them.
    private static List<Path> glob(String pattern) {
        List<String> segments = List.of(pattern.split("/", -1));
        int literal = 0;
        while (literal < segments.size() - 1 && !isPattern(segments.get(literal))) {
            literal++;
        }
        String base = String.join("/", segments.subList(0, literal));
        if (base.isEmpty() && pattern.startsWith("/")) {
            base = "/";
        }
        String rest = String.join("/", segments.subList(literal, segments.size()));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.size() - literal;
        Path root = base.isEmpty() ? Path.of(".") : Path.of(base);
        List<Path> found = list(root, depth, p -> matcher.matches(root.relativize(p))
                && isCandidate(p.getFileName().toString()));
        return base.isEmpty() ? found.stream().map(root::relativize).toList() : found;
    }

    private static List<Path> list(Path folder, int depth, Predicate<Path> wanted) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return files.filter(Files::isRegularFile).filter(wanted).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTemplateName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) && isCandidate(name);
    }

    private static boolean isCandidate(String name) {
        return !name.startsWith(".") && !name.startsWith("~$")
                && !name.toLowerCase(Locale.ROOT).endsWith("-gradbook.xlsx");
    }
}
