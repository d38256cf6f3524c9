package gradbook.workbook;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template's workbook with its generated sheets streamed (see {@link GeneratedSheet}), and
 * written as POI writes an XSSF workbook: a zip that java.util.zip reads too (POI's streaming
 * writer uses Zip64 records by default, which it cannot), each entry's time fixed under
 * {@link Reproducible}, as POI fixes them, rather than copied as the streaming writer does.
 * The template's own sheets are left as XSSF read them, and get no temporary file.
 */
final class StreamingWorkbook extends SXSSFWorkbook {
    /**
     * True once the template's sheets are wrapped: POI's constructor wraps each, before this
     * class's fields are set, in a streaming sheet with a data writer of its own.
     */
    private boolean wrapped;
    /** True while a sheet whose strings are written in its cells is being made. */
    private boolean inlineStrings;

    /** True when the generated sheets' rows are kept in memory rather than in files. */
    private boolean inMemory;
    /** POI's temporary files of this workbook, made on this thread, deleted on a stop. */
    private TemporaryFiles.PoiFiles poiFiles;

    /**
     * {@code template}'s workbook, ready for generated sheets; {@code small} keeps their rows
     * in memory instead of temporary files, which for a workbook of a few hundred kB saves
     * creating, writing, reading and deleting a file per sheet.
     */
    StreamingWorkbook(XSSFWorkbook template, boolean small) {
        super(template, GeneratedSheet.ROWS_IN_MEMORY, false, true);
        wrapped = true;
        inMemory = small;
        poiFiles = TemporaryFiles.OF_PROCESS.poiFiles();
        // Every generated sheet is flushed before the write, and sets its own dimension.
        setShouldCalculateSheetDimensions(false);
    }

    /**
     * A new sheet whose strings are written in its cells rather than in the shared strings
     * table, which is held in memory: for a sheet with a string of its own in every row, such
     * as the Audit sheet's cell of each hand value.
     */
    SXSSFSheet createSheetOfInlineStrings(String name) {
        inlineStrings = true;
        try {
            return createSheet(name);
        } finally {
            inlineStrings = false;
        }
    }

    // A template's sheet gets no rows from gradbook, so it needs no temporary file: its data
    // writer writes nothing and gives nothing to add to the sheet's XML.
    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        if (!wrapped) {
            return new SheetDataWriter(Writer.nullWriter()) {
                @Override
                public InputStream getWorksheetXMLInputStream() {
                    return InputStream.nullInputStream();
                }
            };
        }
        SharedStringsTable strings = inlineStrings ? null : _sharedStringSource;
        return inMemory ? new InMemory(strings) : new OnDisk(strings);
    }

    /**
     * A sheet's rows as XML in a temporary file, as POI's own data writer keeps them, but
     * opened only if it is still there: POI would make it again had the shutdown hook of
     * {@link TemporaryFiles} deleted it in between, and the new one would be left behind.
     */
    private static final class OnDisk extends SheetDataWriter {
        OnDisk(SharedStringsTable strings) throws IOException {
            super(strings);
        }

        @Override
        @SuppressWarnings("deprecation")
        public Writer createWriter(File file) throws IOException {
            return new BufferedWriter(new OutputStreamWriter(open(file), StandardCharsets.UTF_8));
        }

        static OutputStream open(File file) throws IOException {
            return Files.newOutputStream(file.toPath(), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    /**
     * A sheet's rows as XML in memory. POI's data writer makes its file, and its writer on
     * that file, in its constructor through two methods it lets a subclass replace: here the
     * first makes no file and the second a writer on a buffer. (The field is set by that call
     * during the superclass's constructor, so it has no initializer to overwrite it.)
     */
    private static final class InMemory extends SheetDataWriter {
        private ByteArrayOutputStream xml;

        InMemory(SharedStringsTable strings) throws IOException {
            super(strings);
        }

        @Override
        @SuppressWarnings("deprecation")
        public File createTempFile() {
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public Writer createWriter(File none) {
            xml = new ByteArrayOutputStream();
            return new BufferedWriter(new OutputStreamWriter(xml, StandardCharsets.UTF_8));
        }

        @Override
        public InputStream getWorksheetXMLInputStream() {
            return new ByteArrayInputStream(xml.toByteArray());
        }
    }

    /**
     * Writes the template's parts to a file, as POI does, then copies them, with the sheets'
     * rows, from that file into {@code stream}; the file is opened as the sheets' are (see
     * {@link OnDisk}). A small workbook's parts go through memory instead, read back by the
     * same kind of zip reader, so that the bytes are the same.
     */
    @Override
    public void write(OutputStream stream) throws IOException {
        flushSheets();
        if (inMemory) {
            writeThroughMemory(stream);
            return;
        }
        File parts = TempFile.createTempFile("poi-sxssf-template", ".xlsx");
        try {
            try (OutputStream out = OnDisk.open(parts)) {
                _wb.write(out);
            }
            try (ZipSecureFile zip = new ZipSecureFile(parts);
                    ZipFileZipEntrySource source = new ZipFileZipEntrySource(zip)) {
                injectData(source, stream);
            }
        } finally {
            TemporaryFiles.OF_PROCESS.delete(parts.toPath());
        }
    }

    // The parts are stored rather than compressed on their way through memory: they are read
    // back at once and compressed into the output there, so compressing them twice would only
    // cost time; the output's bytes are the same either way.
    private void writeThroughMemory(OutputStream stream) throws IOException {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(parts)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            _wb.write(zip); // POI writes into a zip stream it is given instead of its own
        }
        ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(parts.toByteArray()))
                .get();
        try (ZipFileZipEntrySource source = new ZipFileZipEntrySource(zip)) {
            injectData(source, stream);
        }
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
     * Deletes the temporary files of the generated sheets, and any other POI made for this
     * workbook, on success, failure or running out of memory alike. Not {@link #close()}, which
     * would close the template's package as well, and a package POI opened read-write from a
     * file it saves on closing.
     */
    @SuppressWarnings("deprecation")
    void deleteTemporaryFiles() {
        try {
            dispose();
        } finally {
            poiFiles.close();
        }
    }
}
