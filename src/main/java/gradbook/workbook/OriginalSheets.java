package gradbook.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Puts a thinned template's own worksheets back into the written workbook: POI wrote them as
 * read, without the cells the opener kept out (see {@link ThinTemplate}), so each is replaced,
 * entry by entry, by the template's original part. Every other entry is copied as it was
 * written, compressed bytes and times alike, so the output stays the same from run to run.
 *
 * <p>The one thing the writer changes in a template's sheet is whether its tab is selected
 * ({@link WorkbookWriter} selects the active sheet only): the original's sheetView elements get
 * the selection POI wrote. Any other change made in memory to a thinned sheet would be lost;
 * gradbook makes none. An encrypted template is never thinned, so an encrypted output has
 * nothing to put back.
 */
final class OriginalSheets {
    private static final byte[] SHEET_DATA = "<sheetData".getBytes(StandardCharsets.US_ASCII);
    /** The part before the cells holds the views; a bigger one is left as it is. */
    private static final int MAX_HEAD = 1 << 24;
    private static final Pattern SHEET_VIEW = Pattern.compile("<sheetView(?=[\\s/>])[^>]*>");
    private static final Pattern TAB_SELECTED =
            Pattern.compile("\\s+tabSelected\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final QName TAB_SELECTED_NAME = new QName("tabSelected");

    private OriginalSheets() {
    }

    /** A worksheet's zip entry as the template holds it: compressed bytes and how to read them. */
    record Part(byte[] raw, int method, long crc, long size) {
    }

    /**
     * Replaces, in the workbook zip {@code written}, each thinned sheet of {@code workbook} by
     * its original part; nothing is done for a workbook that was not thinned.
     */
    static void restore(XSSFWorkbook workbook, Path written) throws IOException {
        TemplateCells kept = TemplateCells.of(workbook);
        Map<String, Part> parts = new HashMap<>();
        for (Sheet sheet : workbook) {
            String entry = ((XSSFSheet) sheet).getPackagePart().getPartName().getName()
                    .substring(1);
            Part part = kept.original(entry);
            if (part != null) {
                parts.put(entry, part);
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        Path restored = TemporaryFiles.OF_PROCESS.create(written.toAbsolutePath().getParent(),
                "." + written.getFileName() + ".", ".tmp");
        try {
            try (ZipFile in = ZipFile.builder().setPath(written).get();
                    FileChannel channel = FileChannel.open(restored, StandardOpenOption.WRITE);
                    ZipArchiveOutputStream out = new ZipArchiveOutputStream(channel)) {
                for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                    Part part = parts.get(e.getName());
                    if (part == null) {
                        out.addRawArchiveEntry(new ZipArchiveEntry(e), in.getRawInputStream(e));
                    } else {
                        List<Boolean> selected;
                        try (InputStream thinned = in.getInputStream(e)) {
                            selected = selection(thinned);
                        }
                        put(out, e, part, selected);
                    }
                }
                out.finish();
                channel.force(true);
            }
            TemporaryFiles.OF_PROCESS.move(restored, () -> Files.move(restored, written,
                    StandardCopyOption.REPLACE_EXISTING));
        } finally {
            TemporaryFiles.OF_PROCESS.delete(restored);
        }
    }

    // The original compressed bytes when its views agree with the selection written, else the
    // original with its sheetView tags changed, compressed anew.
    private static void put(ZipArchiveOutputStream out, ZipArchiveEntry written, Part part,
            List<Boolean> selected) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(written);
        byte[] head = head(part);
        String patched = head == null ? null
                : select(new String(head, StandardCharsets.UTF_8), selected);
        if (patched == null) {
            entry.setMethod(part.method());
            entry.setCrc(part.crc());
            entry.setSize(part.size());
            entry.setCompressedSize(part.raw().length);
            out.addRawArchiveEntry(entry, new ByteArrayInputStream(part.raw()));
            return;
        }
        CRC32 crc = new CRC32();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        long size = 0;
        try (InputStream original = inflated(part);
                OutputStream deflating = new DeflaterOutputStream(compressed, deflater)) {
            byte[] start = patched.getBytes(StandardCharsets.UTF_8);
            original.skipNBytes(head.length);
            crc.update(start);
            deflating.write(start);
            size += start.length;
            byte[] buffer = new byte[1 << 16];
            for (int n = original.read(buffer); n >= 0; n = original.read(buffer)) {
                crc.update(buffer, 0, n);
                deflating.write(buffer, 0, n);
                size += n;
            }
        } finally {
            deflater.end();
        }
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setCrc(crc.getValue());
        entry.setSize(size);
        entry.setCompressedSize(compressed.size());
        out.addRawArchiveEntry(entry, new ByteArrayInputStream(compressed.toByteArray()));
    }

    /** The original's bytes before its {@code <sheetData}, or null when there is no such head. */
    private static byte[] head(Part part) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (InputStream in = inflated(part)) {
            byte[] buffer = new byte[1 << 16];
            int searched = 0;
            for (int n = in.read(buffer); n >= 0 && head.size() < MAX_HEAD; n = in.read(buffer)) {
                head.write(buffer, 0, n);
                byte[] sofar = head.toByteArray();
                int at = indexOf(sofar, SHEET_DATA, Math.max(0, searched - SHEET_DATA.length));
                if (at >= 0) {
                    return java.util.Arrays.copyOf(sofar, at);
                }
                searched = sofar.length;
            }
        }
        return null;
    }

    private static InputStream inflated(Part part) {
        InputStream raw = new ByteArrayInputStream(part.raw());
        return part.method() == ZipArchiveEntry.STORED ? raw
                : new InflaterInputStream(raw, new Inflater(true), 1 << 16);
    }

    private static int indexOf(byte[] data, byte[] token, int from) {
        outer:
        for (int i = from; i <= data.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (data[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * {@code head} with each sheetView's tabSelected set as {@code selected} has it, or null
     * when every one already agrees.
     */
    static String select(String head, List<Boolean> selected) {
        Matcher m = SHEET_VIEW.matcher(head);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int i = 0;
        while (m.find()) {
            String tag = m.group();
            Matcher attribute = TAB_SELECTED.matcher(tag);
            boolean was = attribute.find() && isTrue(attribute.group(1)
                    .substring(1, attribute.group(1).length() - 1));
            String replacement = tag;
            if (i < selected.size() && selected.get(i) != was) {
                String clean = TAB_SELECTED.matcher(tag).replaceAll("");
                replacement = selected.get(i)
                        ? "<sheetView tabSelected=\"1\"" + clean.substring("<sheetView".length())
                        : clean;
                changed = true;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            i++;
        }
        m.appendTail(out);
        return changed ? out.toString() : null;
    }

    // The tabSelected of each sheetView, in order, in a worksheet as POI wrote it.
    private static List<Boolean> selection(InputStream in) throws IOException {
        List<Boolean> selected = new ArrayList<>();
        try {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String local = reader.getLocalName();
                if (local.equals("sheetData")) {
                    break;
                }
                if (local.equals("sheetView")
                        && reader.getNamespaceURI().equals(SheetThinner.MAIN)) {
                    String v = reader.getAttributeValue(null, TAB_SELECTED_NAME.getLocalPart());
                    selected.add(v != null && isTrue(v.strip()));
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot read the sheet POI wrote: " + e.getMessage(), e);
        }
        return selected;
    }

    private static boolean isTrue(String xsdBoolean) {
        return xsdBoolean.equals("1") || xsdBoolean.equals("true");
    }
}
