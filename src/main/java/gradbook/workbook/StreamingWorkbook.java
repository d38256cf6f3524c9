package gradbook.workbook;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template's workbook with its generated sheets streamed (see {@link GeneratedSheet}), and
 * written as POI writes an XSSF workbook: a zip that java.util.zip reads too (POI's streaming
 * writer uses Zip64 records by default, which it cannot), each entry's time fixed under
 * {@link Reproducible}, as POI fixes them, rather than copied as the streaming writer does.
 * The template's own sheets are left as XSSF read them; strings go into the shared table.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    StreamingWorkbook(XSSFWorkbook template) {
        super(template, GeneratedSheet.ROWS_IN_MEMORY, false, true);
        // Every generated sheet is flushed before the write, and sets its own dimension.
        setShouldCalculateSheetDimensions(false);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                ZipHelper.adjustEntryTime(entry);
                super.putArchiveEntry(entry);
            }
        };
        zip.setUseZip64(Zip64Mode.AsNeeded);
        return zip;
    }

    /**
     * Deletes the temporary files of the generated sheets, on success, failure or running out
     * of memory alike. Not {@link #close()}, which would close the template's package as well,
     * and a package POI opened read-write from a file it saves on closing.
     */
    @SuppressWarnings("deprecation")
    void deleteTemporaryFiles() {
        dispose();
    }
}
