package gradbook.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: how long one headless recalculation of the example's workbook takes in LibreOffice
 * and in gnumeric, as medians of {@link #RUNS} runs, each beside its baseline measured in the
 * same run: the same program opening and saving the same file while keeping its stored values.
 * LibreOffice is also timed on a batch of {@link #BATCH} files in one start, as the tests use
 * it. Not part of the suite (its name does not end in Test); run it with
 * {@code mvn -q -B test -Dtest=RecalculationBenchmark}.
 */
class RecalculationBenchmark {
    private static final Path FOLDER = RealPrograms.ROOT.resolve("benchmark");
    private static final int RUNS = 7;
    private static final int BATCH = 8;

    @Test
    void times_one_recalculation_in_each_program() throws Exception {
        Generated example = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");
        List<Path> batch = copies(example.file(), BATCH);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-50s %10s %10s", "median of " + RUNS + " runs, seconds",
                "recalc", "baseline"));

        if (RealPrograms.missingLibreOffice() == null) {
            List<Path> one = List.of(example.file());
            Path out = FOLDER.resolve("lo");
            // The first start of a profile sets it up; it is not timed.
            RealPrograms.libreOffice(one, "xlsx", out, true);
            RealPrograms.libreOffice(one, "xlsx", out, false);
            lines.add(row("LibreOffice, start + 1 file",
                    () -> RealPrograms.libreOffice(one, "xlsx", out, true),
                    () -> RealPrograms.libreOffice(one, "xlsx", out, false)));
            lines.add(row("LibreOffice, start + " + BATCH + " files in one call",
                    () -> RealPrograms.libreOffice(batch, "xlsx", out, true),
                    () -> RealPrograms.libreOffice(batch, "xlsx", out, false)));
        }
        if (RealPrograms.missingGnumeric() == null) {
            Path out = FOLDER.resolve("gn");
            lines.add(row("gnumeric (ssconvert), 1 file",
                    () -> RealPrograms.gnumeric(example.file(), out, true),
                    () -> RealPrograms.gnumeric(example.file(), out, false)));
        }
        System.out.println(String.join("\n", lines));
    }

    private interface Run {
        Object run() throws Exception;
    }

    // The two are run in turn, so that a change in the machine's load falls on both.
    private static String row(String what, Run recalculating, Run baseline) throws Exception {
        double[] recalc = new double[RUNS];
        double[] stored = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            recalc[i] = seconds(recalculating);
            stored[i] = seconds(baseline);
        }
        return String.format("%-50s %10.2f %10.2f", what, median(recalc), median(stored));
    }

    private static double seconds(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Path> copies(Path file, int n) throws Exception {
        List<Path> copies = new ArrayList<>();
        Path folder = Files.createDirectories(FOLDER.resolve("batch"));
        for (int i = 1; i <= n; i++) {
            Path copy = folder.resolve("example-" + i + ".xlsx");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            copies.add(copy);
        }
        return copies;
    }
}
