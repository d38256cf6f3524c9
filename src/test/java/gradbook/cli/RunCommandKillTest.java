package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradbook.core.Matrix;
import gradbook.core.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a run killed while it writes leaves the old output as it was, or no output, never
 * half a workbook. A child JVM runs gradbook's main class on a template large enough that
 * writing takes about a second, and is killed (SIGKILL) once its temporary file appears.
 */
class RunCommandKillTest {
    private static final int WIDTH = 30;
    private static final long[] DELAYS_MS = {0, 400};

    @Test
    void a_kill_during_the_write_leaves_the_old_output_intact() throws Exception {
        // given: an existing output (someone's file, replaced only with --force)
        Path folder = Fixtures.folder(getClass(), "old-output");
        Path template = Fixtures.template(wide(), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        byte[] old = "the old output".getBytes(StandardCharsets.UTF_8);
        Fixtures.write(output, old);
        Cli.Snapshot before = Cli.Snapshot.of(template);

        for (long delay : DELAYS_MS) {
            // when
            boolean killed = killMidWrite(template, output, delay, "--force");

            // then: the old bytes, or (if the move won the race) a whole new workbook
            if (killed && Arrays.equals(old, Fixtures.bytes(output))) {
                System.out.println("killed " + delay + " ms into the write: old output intact");
                continue;
            }
            assertCompleteWorkbook(output);
            System.out.println("killed " + delay + " ms into the write, after the move:"
                    + " a complete new output");
            Fixtures.write(output, old);
        }
        before.assertUnchanged();
    }

    @Test
    void a_kill_during_the_first_write_leaves_no_output() throws Exception {
        Path folder = Fixtures.folder(getClass(), "no-output");
        Path template = Fixtures.template(wide(), folder.resolve("wide.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        boolean killed = killMidWrite(template, output, 100);

        assertTrue(killed, "the child ended before it could be killed");
        if (Files.exists(output)) {
            assertCompleteWorkbook(output);
        }
        before.assertUnchanged();
    }

    /** Starts gradbook, waits for its temporary file, waits {@code delay}, kills it. */
    private static boolean killMidWrite(Path template, Path output, long delayMs,
            String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gradbook.cli.Gradbook",
                "run", template.toString(), "-o", output.toString()));
        command.addAll(List.of(more));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (temporaryFile(output) == null) {
            if (!child.isAlive()) {
                fail("gradbook ended with " + child.exitValue() + " before writing");
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                fail("no temporary file appeared within 120 s");
            }
            Thread.sleep(5);
        }
        Thread.sleep(delayMs);
        boolean alive = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        return alive;
    }

    private static Path temporaryFile(Path output) throws IOException {
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> files = Files.list(output.toAbsolutePath().getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .findFirst().orElse(null);
        }
    }

    private static void assertCompleteWorkbook(Path output) {
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            String updated = wb.getName("W_1_new").getRefersToFormula();
            assertEquals(WIDTH * WIDTH, new AreaReference(updated, wb.getSpreadsheetVersion())
                    .getAllReferencedCells().length, updated);
            for (String sheet : Outputs.SHEETS_OF_TWO_LAYERS) {
                assertFalse(wb.getSheet(sheet) == null, "no sheet " + sheet + " in " + output);
            }
        } catch (IOException | RuntimeException e) {
            fail(output + " is not a complete workbook: " + e);
        }
    }

    // Two layers of 30 units: large enough that writing the workbook takes about a second.
    private static Network wide() {
        Random random = new Random(5);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            double[][] w = new double[WIDTH][WIDTH];
            for (double[] row : w) {
                for (int j = 0; j < WIDTH; j++) {
                    row[j] = random.nextGaussian() * 0.1;
                }
            }
            W.add(Matrix.of(w));
            b.add(Matrix.filled(WIDTH, 1, 0.1));
        }
        return new Network(Matrix.filled(WIDTH, 1, 0.5), Matrix.filled(WIDTH, 1, 0.5), W, b,
                0.1);
    }
}
