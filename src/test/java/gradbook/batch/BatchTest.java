package gradbook.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.audit.Tolerance;
import gradbook.batch.Outcome.Status;
import gradbook.core.Convention;
import gradbook.core.Networks;
import gradbook.workbook.FormulaMode;
import gradbook.workbook.Judging;
import gradbook.workbook.TemplateWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 6: the batch as a program calls it, e.g. a benchmark in a loop. */
class BatchTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "BatchTest");

    @Test
    void reports_each_outcome_on_the_calling_thread_and_returns_them_in_the_order_given()
            throws IOException {
        // given
        List<Path> templates = new ArrayList<>();
        Path in = Folders.empty(FOLDER.resolve("in"));
        for (String name : List.of("d", "c", "b", "a")) {
            Path t = in.resolve(name + ".xlsx");
            TemplateWriter.write(Networks.workedExample(), name, t);
            templates.add(t);
        }
        templates.add(2, in.resolve("missing.xlsx"));
        Batch.Settings settings = new Batch.Settings(Folders.empty(FOLDER.resolve("out")),
                new Judging(Convention.TEXTBOOK, Tolerance.standard()), false, false, null,
                null, 2, FormulaMode.AUTO);
        Thread caller = Thread.currentThread();
        List<Integer> counts = new ArrayList<>();

        // when
        Batch.Summary summary = Batch.run(templates, settings, (outcome, finished, total) -> {
            assertEquals(caller, Thread.currentThread(), "told on another thread");
            counts.add(finished);
        });

        // then
        assertEquals(List.of(1, 2, 3, 4, 5), counts);
        assertEquals(templates, summary.outcomes().stream().map(Outcome::template).toList());
        assertEquals(List.of(Status.WRITTEN, Status.WRITTEN, Status.FAILED, Status.WRITTEN,
                Status.WRITTEN), summary.outcomes().stream().map(Outcome::status).toList());
        assertTrue(summary.outcomes().get(2).reason().contains("no such file"),
                summary.outcomes().get(2).reason());
        assertEquals(4, summary.count(Status.WRITTEN));
    }
}
