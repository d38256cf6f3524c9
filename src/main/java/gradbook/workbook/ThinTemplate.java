package gradbook.workbook;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;

/**
 * Makes a big template cheap to hold: each worksheet part larger than a threshold (1 MB of XML;
 * the system property {@code gradbook.thinAbove} sets another, in bytes) is streamed into a
 * thinned copy by {@link SheetThinner} before POI reads the package, and the numbers taken out
 * are kept in {@link TemplateCells}. A sheet of 400,000 empty boxed cells costs POI some 200 MB
 * of heap; thinned, it costs a few.
 *
 * <p>Numbers are taken out only when no formula can read them: no worksheet has a formula and
 * every defined name is a plain reference or a constant (a name holding a formula is evaluated
 * by {@link NameResolver}). Otherwise only the empty cells go, which every formula reads as it
 * reads a missing cell. A workbook gradbook wrote before lists its generated sheets (see
 * {@link Regeneration}); a big one of those is read empty, since it is removed anyway, and its
 * formulas and names do not count.
 *
 * <p>Read through POI's {@link ZipSecureFile}, so its limits against zip bombs apply as they do
 * to a whole read. An encrypted template is read whole: its package is only in memory.
 */
final class ThinTemplate {
    static final String THRESHOLD_PROPERTY = "gradbook.thinAbove";
    static final long DEFAULT_THRESHOLD = 1 << 20;
    private static final String PACKAGE_RELATIONSHIPS =
            "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_RELATIONSHIPS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final byte[] EMPTY_SHEET = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<worksheet xmlns=\"" + SheetThinner.MAIN + "\"><sheetData/></worksheet>")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SHEET = "(?:'(?:[^']|'')+'|[^\\s'!:,()\"&*/+=<>^-]+)!";
    private static final String CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
    private static final String AREA = "(?:" + SHEET + ")?(?:" + CELL + "(?::" + CELL + ")?"
            + "|\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}|\\$?\\d+:\\$?\\d+)";
    /** What a defined name may hold without reading a cell's value when gradbook reads it. */
    private static final Pattern PLAIN_NAME = Pattern.compile(AREA + "(?:," + AREA + ")*"
            + "|[+-]?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\"[^\"]*\"|(?i:TRUE|FALSE)|.*#REF!.*");

    private ThinTemplate() {
    }

    /** A template's package with its big sheets thinned, and what was kept out of them. */
    record Thinned(byte[] zip, TemplateCells cells) {
    }

    /**
     * {@code file} thinned, or null when it has no big worksheet, or when anything about it is
     * unusual: then POI reads it whole and says what is wrong, as it always has.
     */
    static Thinned open(Path file) {
        long threshold = Long.getLong(THRESHOLD_PROPERTY, DEFAULT_THRESHOLD);
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            return anyBig(zip, threshold) && ordinary(file, zip) ? thin(zip, threshold) : null;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    // The zip's directory gives every part's size: a template with no part above the threshold,
    // as nearly all are, is read whole at once, without the look through its parts below.
    private static boolean anyBig(ZipSecureFile zip, long threshold) {
        return Collections.list(zip.getEntries()).stream()
                .anyMatch(e -> isBig(e, threshold));
    }

    // A part of unknown size counts as big: only reading it would tell.
    private static boolean isBig(ZipArchiveEntry e, long threshold) {
        return e.getSize() < 0 || e.getSize() > threshold;
    }

    // POI reads a package as a stream, trusting each part's own header where the zip's
    // directory, read here, may say otherwise, and refuses a part larger than it holds in
    // memory: a package with such a part is left to POI, which judges it as it always has.
    private static boolean ordinary(Path file, ZipSecureFile zip) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (e.getSize() >= ZipArchiveFakeEntry.getMaxEntrySize()) {
                return false;
            }
            sizes.put(e.getName(), e.getSize());
        }
        int count = 0;
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Long size = sizes.get(e.getName());
                if (size == null || e.getSize() != ArchiveEntry.SIZE_UNKNOWN
                        && e.getSize() != size) {
                    return false;
                }
                count++;
            }
        }
        return count == sizes.size();
    }

    private static Thinned thin(ZipSecureFile zip, long threshold)
            throws IOException, XMLStreamException {
        Contents contents = Contents.read(zip);
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
        Set<String> big = new TreeSet<>();
        Set<String> emptied = new TreeSet<>();
        boolean numbers = contents.namesArePlain();
        Set<String> present = new TreeSet<>();
        entries.forEach(e -> present.add(lower(e)));
        if (!present.containsAll(contents.sheets().values())) {
            return null; // a sheet whose part is not where its relationship says
        }
        for (ZipArchiveEntry e : entries) {
            boolean isBig = isBig(e, threshold);
            if (!contents.sheets().containsValue(lower(e))) {
                continue;
            }
            if (contents.generated().contains(lower(e))) {
                if (isBig) {
                    emptied.add(e.getName());
                }
            } else if (isBig) {
                big.add(e.getName());
            } else if (numbers) {
                try (InputStream in = zip.getInputStream(e)) {
                    numbers = !SheetThinner.hasFormula(in);
                }
            }
        }
        if (big.isEmpty() && emptied.isEmpty()) {
            return null;
        }
        Map<String, SheetThinner.Thinned> thinned = thinAll(zip, big, numbers);
        if (numbers && hasFormula(zip, big, thinned)) {
            thinned = thinAll(zip, big, false);
        }
        return repack(zip, entries, thinned, emptied);
    }

    // Whether a big sheet has a formula: a thinned one says so; one SheetThinner would not
    // thin is read whole by POI, formulas and all, and must be looked through here, or its
    // formulas would read the numbers taken out of the other sheets as empty cells.
    private static boolean hasFormula(ZipSecureFile zip, Set<String> big,
            Map<String, SheetThinner.Thinned> thinned) throws IOException, XMLStreamException {
        for (String name : big) {
            SheetThinner.Thinned t = thinned.get(name);
            if (t != null && t.formulas()) {
                return true;
            }
            if (t == null) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    if (SheetThinner.hasFormula(in)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String lower(ZipArchiveEntry e) {
        return e.getName().toLowerCase(Locale.ROOT);
    }

    private static Map<String, SheetThinner.Thinned> thinAll(ZipSecureFile zip, Set<String> big,
            boolean numbers) throws IOException, XMLStreamException {
        Map<String, SheetThinner.Thinned> thinned = new HashMap<>();
        for (String name : big) {
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                SheetThinner.Thinned t = SheetThinner.thin(in, numbers);
                if (t != null) {
                    thinned.put(name, t);
                }
            }
        }
        return thinned;
    }

    // The package again, entry by entry in the same order: thinned and emptied sheets anew,
    // every other entry copied compressed as it is. POI inflates it as it would the file.
    private static Thinned repack(ZipSecureFile zip, List<ZipArchiveEntry> entries,
            Map<String, SheetThinner.Thinned> thinned, Set<String> emptied) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, TemplateCells.Numbers> numbers = new HashMap<>();
        Map<String, OriginalSheets.Part> originals = new HashMap<>();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipArchiveEntry e : entries) {
                SheetThinner.Thinned t = thinned.get(e.getName());
                if (t == null && !emptied.contains(e.getName())) {
                    out.addRawArchiveEntry(new ZipArchiveEntry(e), zip.getRawInputStream(e));
                    continue;
                }
                out.putArchiveEntry(new ZipArchiveEntry(e.getName()));
                out.write(t == null ? EMPTY_SHEET : t.xml());
                out.closeArchiveEntry();
                if (t != null) {
                    numbers.put("/" + e.getName(), t.numbers());
                    try (InputStream raw = zip.getRawInputStream(e)) {
                        originals.put(e.getName(), new OriginalSheets.Part(raw.readAllBytes(),
                                e.getMethod(), e.getCrc(), e.getSize()));
                    }
                }
            }
        }
        return new Thinned(bytes.toByteArray(), new TemplateCells(numbers, originals));
    }

    /**
     * What the package's small parts say: each worksheet's zip entry by sheet name, the
     * defined names, and the sheets and names gradbook generated, when it wrote the file.
     */
    private record Contents(Map<String, String> sheets, Map<String, String> names,
            Set<String> generated, Set<String> generatedNames) {

        static Contents read(ZipSecureFile zip) throws IOException, XMLStreamException {
            String workbook = null;
            for (String[] r : relationships(zip, "_rels/.rels")) {
                if (r[0].endsWith("/officeDocument")) {
                    workbook = resolve("", r[1]);
                }
            }
            if (workbook == null) {
                throw new IOException("no workbook part");
            }
            String folder = workbook.contains("/")
                    ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
            Map<String, String> targets = new HashMap<>();
            for (String[] r : relationships(zip, folder + "_rels/"
                    + workbook.substring(folder.length()) + ".rels")) {
                if (r[0].endsWith("/worksheet")) {
                    targets.put(r[2], resolve(folder, r[1]));
                }
            }
            Map<String, String> sheets = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            readWorkbook(zip, workbook, targets, sheets, names);
            Map<String, String> custom = customProperties(zip);
            Set<String> generated = new TreeSet<>();
            Set<String> generatedNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            if (custom.containsKey(Regeneration.GENERATED)) {
                for (String sheet : list(custom, "gradbook.sheets", ":")) {
                    sheets.forEach((name, entry) -> {
                        if (name.equalsIgnoreCase(sheet)) {
                            generated.add(entry);
                        }
                    });
                }
                generatedNames.addAll(list(custom, "gradbook.names", " "));
            }
            return new Contents(sheets, names, generated, generatedNames);
        }

        boolean namesArePlain() {
            return names.entrySet().stream().allMatch(n -> generatedNames.contains(n.getKey())
                    || PLAIN_NAME.matcher(n.getValue().strip()).matches());
        }

        // As Regeneration reads its lists: gradbook.sheets, gradbook.sheets.2 … until a gap.
        private static List<String> list(Map<String, String> custom, String key, String by) {
            List<String> items = new ArrayList<>();
            for (int i = 0; custom.containsKey(i == 0 ? key : key + "." + (i + 1)); i++) {
                for (String item : custom.get(i == 0 ? key : key + "." + (i + 1))
                        .split(Pattern.quote(by))) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            }
            return items;
        }

        private static void readWorkbook(ZipSecureFile zip, String part,
                Map<String, String> targets, Map<String, String> sheets,
                Map<String, String> names) throws IOException, XMLStreamException {
            XMLStreamReader x = reader(zip, part);
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT
                        || !SheetThinner.MAIN.equals(x.getNamespaceURI())) {
                    continue;
                }
                if (x.getLocalName().equals("sheet")) {
                    String target = targets.get(x.getAttributeValue(OFFICE_RELATIONSHIPS, "id"));
                    if (target != null) {
                        sheets.put(x.getAttributeValue(null, "name"), target);
                    }
                } else if (x.getLocalName().equals("definedName")) {
                    String name = x.getAttributeValue(null, "name")
                            + "@" + x.getAttributeValue(null, "localSheetId");
                    names.put(name.endsWith("@null") ? name.substring(0, name.length() - 5)
                            : name, x.getElementText());
                }
            }
        }

        private static Map<String, String> customProperties(ZipSecureFile zip)
                throws IOException, XMLStreamException {
            Map<String, String> properties = new HashMap<>();
            if (zip.getEntry("docProps/custom.xml") == null) {
                return properties;
            }
            XMLStreamReader x = reader(zip, "docProps/custom.xml");
            String name = null;
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (x.getLocalName().equals("property")) {
                    name = x.getAttributeValue(null, "name");
                } else if (name != null && x.getLocalName().equals("lpwstr")) {
                    properties.put(name, x.getElementText());
                    name = null;
                }
            }
            return properties;
        }

        /** Type, target and id of each relationship in the part {@code rels}. */
        private static List<String[]> relationships(ZipSecureFile zip, String rels)
                throws IOException, XMLStreamException {
            List<String[]> found = new ArrayList<>();
            if (zip.getEntry(rels) == null) {
                return found;
            }
            XMLStreamReader x = reader(zip, rels);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("Relationship")
                        && PACKAGE_RELATIONSHIPS.equals(x.getNamespaceURI())
                        && !"External".equals(x.getAttributeValue(null, "TargetMode"))) {
                    found.add(new String[] {x.getAttributeValue(null, "Type"),
                            x.getAttributeValue(null, "Target"),
                            x.getAttributeValue(null, "Id")});
                }
            }
            return found;
        }

        private static XMLStreamReader reader(ZipSecureFile zip, String part)
                throws IOException, XMLStreamException {
            ZipArchiveEntry e = zip.getEntry(part);
            if (e == null) {
                throw new IOException("no part " + part);
            }
            try (InputStream in = zip.getInputStream(e)) {
                // Small parts; read whole so the entry's stream can close at once.
                return XMLHelper.newXMLInputFactory().createXMLStreamReader(
                        new ByteArrayInputStream(in.readAllBytes()));
            }
        }

        // A relationship's target, relative to the folder of the part that holds it.
        private static String resolve(String folder, String target) {
            // Part names ignore case (OPC); zip entries are matched in lower case.
            return URI.create("/" + folder).resolve(target.replace(" ", "%20")).normalize()
                    .getPath().substring(1).toLowerCase(Locale.ROOT);
        }
    }
}
