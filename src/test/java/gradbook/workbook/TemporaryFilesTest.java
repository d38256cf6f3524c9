package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry behind finding F5, each case on a registry of its own whose hook, {@link
 * TemporaryFiles#deleteAll()}, the test calls as Java would on SIGINT or SIGTERM.
 */
class TemporaryFilesTest {
    private static final Path ROOT = Path.of("target", "test-workbooks", "TemporaryFilesTest");
    private final TemporaryFiles files = new TemporaryFiles();

    @AfterEach
    void restorePoi() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void the_hook_deletes_the_files_not_yet_moved_and_keeps_the_output_moved_into_place()
            throws IOException {
        // given: an output moved into place, and two files of writes in progress
        Path folder = folder("hook");
        Path output = folder.resolve("out.xlsx");
        Path done = files.create(folder, ".out.xlsx.", ".tmp");
        Files.writeString(done, "complete");
        files.move(done, () -> Files.move(done, output));
        Path first = files.create(folder, ".a.xlsx.", ".tmp");
        Path second = files.create(folder, ".b.xlsx.", ".tmp");

        // when
        files.deleteAll();

        // then
        assertEquals(List.of(output), list(folder));
        assertEquals("complete", Files.readString(output));
        assertEquals(0, files.size());
        assertFalse(Files.exists(first) || Files.exists(second));
    }

    @Test
    void no_file_is_made_or_moved_once_the_hook_has_run() throws IOException {
        // given: a write in progress when the hook runs
        Path folder = folder("after-hook");
        Path temp = files.create(folder, ".out.xlsx.", ".tmp");
        Path output = folder.resolve("out.xlsx");

        // when
        files.deleteAll();

        // then: its move, and any file after, are refused, and leave nothing
        assertThrows(TemporaryFiles.Stopping.class,
                () -> files.move(temp, () -> Files.move(temp, output)));
        assertThrows(TemporaryFiles.Stopping.class,
                () -> files.create(folder, ".next.xlsx.", ".tmp"));
        try (TemporaryFiles.PoiFiles poi = files.poiFiles()) {
            assertThrows(TemporaryFiles.Stopping.class,
                    () -> TempFile.createTempFile("poi-sxssf-sheet", ".xml"));
        }
        assertEquals(List.of(), list(folder));
    }

    @Test
    void a_file_the_hook_deleted_is_not_made_again_by_the_write_that_opens_it()
            throws IOException {
        // given
        Path folder = folder("reopen");
        Path temp = files.create(folder, ".out.xlsx.", ".tmp");

        // when the hook falls between making the file and opening it
        files.deleteAll();

        // then: opened as gradbook opens its files, it is not there to write
        assertThrows(NoSuchFileException.class, () -> Files.newOutputStream(temp,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING).close());
        assertEquals(List.of(), list(folder));
    }

    @Test
    void poi_files_are_held_while_their_scope_lasts_and_made_by_the_process_strategy()
            throws IOException {
        // given: a strategy for the process, as a program embedding POI might set
        Path poiFolder = folder("poi");
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(
                poiFolder.toFile()));

        // when
        File inScope;
        try (TemporaryFiles.PoiFiles poi = files.poiFiles()) {
            inScope = TempFile.createTempFile("poi-sxssf-sheet", ".xml");

            // then: made where that strategy says, and held
            assertEquals(poiFolder.toFile().getAbsoluteFile(),
                    inScope.getParentFile().getAbsoluteFile());
            assertEquals(1, files.size());
        }
        assertFalse(inScope.exists(), "a file POI left is deleted with its scope");
        assertEquals(0, files.size());
        File after = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
        assertEquals(0, files.size(), "a file made after the scope is not held");
        Files.delete(after.toPath());
    }

    @Test
    void the_hook_deletes_the_poi_files_of_a_scope_still_open() throws IOException {
        Path poiFolder = folder("poi-hook");
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(
                poiFolder.toFile()));
        try (TemporaryFiles.PoiFiles poi = files.poiFiles()) {
            File sheet = TempFile.createTempFile("poi-sxssf-sheet", ".xml");

            files.deleteAll();

            assertFalse(sheet.exists());
        }
    }

    @Test
    void many_jobs_at_once_hold_nothing_once_done_and_lose_no_output_to_the_hook()
            throws Exception {
        // given: eight jobs, each making, filling and moving files into place, or deleting
        // them as a failed write does, until the hook refuses them
        Path folder = folder("jobs");
        int jobs = 8;
        List<Path> moved = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch busy = new CountDownLatch(jobs * 50);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> ran = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int job = j;
            ran.add(pool.submit(() -> {
                try {
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        write(folder, job, i, moved);
                        busy.countDown();
                    }
                } catch (TemporaryFiles.Stopping | NoSuchFileException e) {
                    // the hook ran: this job is over, as Java exits
                }
                return null;
            }));
        }

        // when: the hook runs amid them, once each has done some fifty writes on average
        try {
            assertTrue(busy.await(60, TimeUnit.SECONDS), "the jobs did not get going");
            files.deleteAll();
            for (Future<?> job : ran) {
                job.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then: every output moved into place is there, whole, and nothing else is
        assertEquals(0, files.size());
        List<Path> left = list(folder);
        assertEquals(moved.stream().sorted().toList(), left.stream().sorted().toList());
        for (Path output : left) {
            assertEquals("complete " + output.getFileName(), Files.readString(output));
        }
    }

    // One write of a job: every third fails and deletes its file, the others move into place.
    private void write(Path folder, int job, int i, List<Path> moved) throws IOException {
        Path output = folder.resolve("out-" + job + "-" + i + ".xlsx");
        Path temp = files.create(folder, "." + output.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, "complete " + output.getFileName(),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            if (i % 3 == 2) {
                return;
            }
            files.move(temp, () -> Files.move(temp, output));
            moved.add(output);
        } finally {
            files.delete(temp);
        }
    }

    private static Path folder(String name) throws IOException {
        Path folder = ROOT.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }
}
