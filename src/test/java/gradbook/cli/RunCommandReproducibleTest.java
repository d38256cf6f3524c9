package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue 6: the same template gives the same bytes, run after run. */
class RunCommandReproducibleTest {

    @Test
    void writes_byte_identical_workbooks_of_the_example_run_after_run() {
        // given
        Path folder = Fixtures.folder(getClass(), "example");

        // when
        Cli.Result first = Cli.run("run", Cli.EXAMPLE, "-o", folder.resolve("first.xlsx"));
        Cli.Result second = Cli.run("run", Cli.EXAMPLE, "-o", folder.resolve("second.xlsx"));

        // then
        assertEquals(0, first.exit(), first.toString());
        assertEquals(0, second.exit(), second.toString());
        assertArrayEquals(Fixtures.bytes(folder.resolve("first.xlsx")),
                Fixtures.bytes(folder.resolve("second.xlsx")), "the two workbooks differ");
        Outputs.assertNoClock(folder.resolve("first.xlsx"));
    }

    @Test
    void gives_the_time_it_was_made_only_when_asked_with_timestamp() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "timestamp");
        Path output = folder.resolve("stamped.xlsx");
        Instant before = Instant.now().minusSeconds(1);

        // when
        Cli.Result r = Cli.run("run", Cli.EXAMPLE, "-o", output, "--timestamp");

        // then
        assertEquals(0, r.exit(), r.toString());
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            Date modified = wb.getProperties().getCoreProperties().getModified();
            assertTrue(modified != null, "expected a date modified");
            Instant at = modified.toInstant();
            assertTrue(!at.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    && at.isBefore(Instant.now().plus(Duration.ofSeconds(1))),
                    "expected about now, found " + at);
        }
    }

    // Agile encryption draws a new salt and key for every file, so an encrypted workbook
    // cannot repeat its bytes; the workbook inside it does (README says so).
    @Test
    void writes_the_same_workbook_inside_a_password_protected_output() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "encrypted");
        Path template = Fixtures.encrypted(folder, "locked.xlsx", "s3cret");

        // when
        Cli.run("run", template, "-o", folder.resolve("first.xlsx"), "--password=s3cret");
        Cli.run("run", template, "-o", folder.resolve("second.xlsx"), "--password=s3cret");

        // then
        byte[] first = decrypted(folder.resolve("first.xlsx"), "s3cret");
        byte[] second = decrypted(folder.resolve("second.xlsx"), "s3cret");
        assertArrayEquals(first, second, "the workbooks inside the encryption differ");
        assertFalse(Arrays.equals(Fixtures.bytes(folder.resolve("first.xlsx")),
                Fixtures.bytes(folder.resolve("second.xlsx"))),
                "the encrypted files are equal: is the salt no longer random?");
    }

    private static byte[] decrypted(Path file, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
            assertTrue(decryptor.verifyPassword(password), "the password opens " + file);
            try (InputStream data = decryptor.getDataStream(fs)) {
                return data.readAllBytes();
            }
        }
    }
}
