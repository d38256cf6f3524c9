package gradbook.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 6: which files a batch takes from the files, folders and patterns it is given. */
class InputsTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "InputsTest");

    @BeforeEach
    void lay_out_a_class_folder() throws IOException {
        Folders.empty(FOLDER);
        Files.createDirectories(FOLDER.resolve("sub"));
        Files.createDirectories(FOLDER.resolve("empty"));
        for (String name : List.of("a.xlsx", "B.XLSM", ".hidden.xlsx", "~$a.xlsx",
                "a-gradbook.xlsx", "notes.txt", "sub/c.xlsx")) {
            Files.writeString(FOLDER.resolve(name), "");
        }
    }

    @Test
    void takes_the_xlsx_and_xlsm_files_of_a_folder_but_not_its_subfolders() {
        Inputs inputs = new Inputs().add(FOLDER.toString());

        assertEquals(List.of(FOLDER.resolve("B.XLSM"), FOLDER.resolve("a.xlsx")),
                inputs.templates());
        assertEquals(List.of(), inputs.warnings());
    }

    @Test
    void takes_a_named_file_as_it_is_even_an_output_and_each_file_once() {
        Inputs inputs = new Inputs().add(FOLDER.resolve("a-gradbook.xlsx").toString())
                .add(FOLDER.toString()).add(FOLDER.resolve("a.xlsx").toString())
                .addLines(List.of("", "  " + FOLDER.resolve("sub/c.xlsx") + "  ", ""));

        assertEquals(List.of(FOLDER.resolve("a-gradbook.xlsx"), FOLDER.resolve("B.XLSM"),
                FOLDER.resolve("a.xlsx"), FOLDER.resolve("sub/c.xlsx")), inputs.templates());
    }

    @Test
    void expands_patterns_within_a_folder_and_across_folders() {
        Inputs flat = new Inputs().add(FOLDER + "/*.xlsx");
        Inputs deep = new Inputs().add(FOLDER + "/**.xlsx");

        assertEquals(List.of(FOLDER.resolve("a.xlsx")), flat.templates());
        assertEquals(List.of(FOLDER.resolve("a.xlsx"), FOLDER.resolve("sub/c.xlsx")),
                deep.templates());
    }

    @Test
    void warns_of_a_folder_or_pattern_that_gives_nothing() {
        Inputs inputs = new Inputs().add(FOLDER.resolve("empty").toString())
                .add(FOLDER + "/*.ods").add("no-such-folder/*.xlsx");

        assertEquals(List.of(), inputs.templates());
        assertEquals(List.of(FOLDER.resolve("empty") + ": the folder holds no .xlsx or .xlsm"
                + " file", FOLDER + "/*.ods: the pattern matches no file",
                "no-such-folder/*.xlsx: the pattern matches no file"), inputs.warnings());
    }
}
