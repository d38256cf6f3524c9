package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingWorkbookTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks",
            "StreamingWorkbookTest");
    private final List<File> made = new ArrayList<>();

    @AfterEach
    void restoreTemporaryFiles() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void a_small_workbook_is_written_without_a_temporary_file() throws Exception {
        // given the worked example, and POI's temporary files counted
        countTemporaryFiles();

        // when
        Path out = write(Path.of("templates", "worked-example.xlsx"), "example.xlsx");

        // then
        assertTrue(Files.size(out) > 0);
        assertEquals(List.of(), made, "temporary files");
    }

    @Test
    void a_big_workbook_writes_its_sheets_through_temporary_files_and_deletes_them()
            throws Exception {
        // given a network with more computed entries than are kept in memory
        Path template = Files.createDirectories(FOLDER).resolve("big.xlsx");
        TemplateWriter.writeExercise(SampleNetworks.withWidths(new Random(3), 60, 90, 10),
                "big", template);
        countTemporaryFiles();

        // when
        write(template, "big-out.xlsx");

        // then
        assertTrue(made.size() > 3, "temporary files: " + made);
        assertTrue(made.stream().noneMatch(File::exists), "left behind: " + made);
    }

    @Test
    void sheets_kept_in_memory_give_the_bytes_that_temporary_files_give() throws Exception {
        // given the worked example written with its sheets in memory
        Path template = Path.of("templates", "worked-example.xlsx");
        byte[] inMemory = Files.readAllBytes(write(template, "memory.xlsx"));

        // when it is written through temporary files
        System.setProperty(WorkbookWriter.IN_MEMORY_PROPERTY, "0");
        countTemporaryFiles();
        byte[] throughFiles;
        try {
            throughFiles = Files.readAllBytes(write(template, "files.xlsx"));
        } finally {
            System.clearProperty(WorkbookWriter.IN_MEMORY_PROPERTY);
        }

        // then
        assertTrue(made.size() > 3, "temporary files: " + made);
        assertArrayEquals(throughFiles, inMemory);
    }

    private void countTemporaryFiles() {
        TempFileCreationStrategy poi = new DefaultTempFileCreationStrategy();
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                File file = poi.createTempFile(prefix, suffix);
                made.add(file);
                return file;
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return poi.createTempDirectory(prefix);
            }
        });
    }

    private static Path write(Path template, String name) throws Exception {
        return Generated.writeReproducibly(TemplateReader.read(template),
                Files.createDirectories(FOLDER).resolve(name));
    }
}
