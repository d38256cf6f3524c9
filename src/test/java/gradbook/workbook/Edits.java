package gradbook.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks changed through POI for a test, in every package whose tests need one. */
public final class Edits {
    private Edits() {
    }

    /** Opens {@code file}, lets {@code edit} change the workbook, and saves it back. */
    public static Path edit(Path file, Consumer<XSSFWorkbook> edit) {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            edit.accept(wb);
            wb.write(out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
