package gradbook.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.POIXMLProperties.CustomProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperties;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Marks a workbook as gradbook's and records which sheets and defined names gradbook made, in
 * the workbook's custom document properties, so that a later run can replace exactly those and
 * leave everything a person added.
 *
 * <p>The properties are {@code gradbook.generated} (the version that wrote the workbook),
 * {@code gradbook.sheets} (sheet names, separated by ':', which no sheet name may hold) and
 * {@code gradbook.names} (defined names, separated by spaces). A list longer than Excel's 255
 * characters per property goes on in {@code gradbook.sheets.2}, {@code gradbook.sheets.3} ….
 */
public final class Regeneration {
    /** The custom property that marks a workbook as written by gradbook. */
    public static final String GENERATED = "gradbook.generated";
    private static final String SHEETS = "gradbook.sheets";
    private static final String NAMES = "gradbook.names";
    private static final int MAX_PROPERTY_LENGTH = 255;
    private static final String CUSTOM_PROPERTIES = "docProps/custom.xml";

    private Regeneration() {
    }

    /** The sheets and names of a workbook, as they were before gradbook added its own. */
    record Snapshot(Set<String> sheets, Set<String> names) {
        static Snapshot of(XSSFWorkbook workbook) {
            Set<String> sheets = new LinkedHashSet<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                sheets.add(workbook.getSheetName(s));
            }
            Set<String> names = new LinkedHashSet<>();
            for (Name n : workbook.getAllNames()) {
                if (n.getSheetIndex() == -1) {
                    names.add(n.getNameName());
                }
            }
            return new Snapshot(sheets, names);
        }
    }

    /** What a regeneration removed before the sheets were made anew. */
    public record Removed(List<String> sheets, List<String> names) {
        public boolean isEmpty() {
            return sheets.isEmpty() && names.isEmpty();
        }
    }

    /** Records every sheet and workbook-scoped name added since {@code before}. */
    static void record(XSSFWorkbook workbook, Snapshot before) {
        Snapshot after = Snapshot.of(workbook);
        List<String> sheets = new ArrayList<>(after.sheets());
        sheets.removeAll(before.sheets());
        List<String> names = new ArrayList<>(after.names());
        names.removeAll(before.names());
        CustomProperties custom = workbook.getProperties().getCustomProperties();
        remove(custom, GENERATED);
        custom.addProperty(GENERATED, Version.get());
        put(custom, SHEETS, sheets, ":");
        put(custom, NAMES, names, " ");
    }

    /**
     * Removes the sheets and names that gradbook recorded as its own, with the parts that only
     * those sheets used, and the marks; a workbook without the marks is left as it is.
     */
    public static Removed strip(XSSFWorkbook workbook) {
        CustomProperties custom = workbook.getProperties().getCustomProperties();
        if (!custom.contains(GENERATED)) {
            return new Removed(List.of(), List.of());
        }
        List<String> sheets = new ArrayList<>();
        Set<PackagePartName> parts = new LinkedHashSet<>();
        for (String sheet : take(custom, SHEETS, ":")) {
            int index = workbook.getSheetIndex(sheet);
            if (index >= 0) {
                reachable(workbook.getSheetAt(index).getPackagePart(), parts);
                workbook.removeSheetAt(index);
                sheets.add(sheet);
            }
        }
        removeUnused(workbook.getPackage(), parts);
        List<String> names = new ArrayList<>();
        for (String name : take(custom, NAMES, " ")) {
            Name n = workbook.getName(name);
            if (n != null && n.getSheetIndex() == -1) {
                workbook.removeName(n);
                names.add(name);
            }
        }
        remove(custom, GENERATED);
        return new Removed(sheets, names);
    }

    // The part and every part it leads to by its relationships, as a removed sheet's drawing,
    // comments and chart.
    private static void reachable(PackagePart part, Set<PackagePartName> into) {
        if (!into.add(part.getPartName())) {
            return;
        }
        for (PackagePartName target : targets(part).orElse(List.of())) {
            PackagePart next = part.getPackage().getPart(target);
            if (next != null) {
                reachable(next, into);
            }
        }
    }

    /**
     * Removes from {@code pkg} each of {@code parts} that no part kept leads to, with its
     * relationships part. POI removes a sheet's part but keeps its relationships part, which a
     * new sheet of the same part name then inherits, and keeps a chart when it removes the
     * drawing holding it; so each run in place would add a chart, and a set of relationships
     * to every generated sheet. When a kept part's relationships cannot be read, nothing is
     * removed, since it might lead to any part.
     */
    private static void removeUnused(OPCPackage pkg, Set<PackagePartName> parts) {
        Set<PackagePartName> kept = new HashSet<>();
        Deque<PackagePart> todo = new ArrayDeque<>();
        try {
            for (PackageRelationship r : pkg.getRelationships()) {
                target(r).ifPresent(kept::add);
            }
            for (PackagePart p : pkg.getParts()) {
                if (!p.isRelationshipPart() && !parts.contains(p.getPartName())) {
                    todo.add(p);
                }
            }
            // A part of a removed sheet that a kept part leads to is kept, and so on down.
            while (!todo.isEmpty()) {
                Optional<List<PackagePartName>> targets = targets(todo.remove());
                if (targets.isEmpty()) {
                    return;
                }
                for (PackagePartName t : targets.get()) {
                    if (kept.add(t) && parts.contains(t) && pkg.containPart(t)) {
                        todo.add(pkg.getPart(t));
                    }
                }
            }
        } catch (InvalidFormatException | RuntimeException e) {
            return;
        }
        for (PackagePartName name : parts) {
            if (kept.contains(name)) {
                continue;
            }
            PackagePartName relationships = PackagingURIHelper.getRelationshipPartName(name);
            if (pkg.containPart(relationships)) {
                pkg.removePart(relationships);
            }
            if (pkg.containPart(name)) {
                pkg.removePart(name);
            }
        }
    }

    // The parts inside the package that the part's relationships lead to, or empty when they
    // cannot be read; a target that is no part name leads nowhere.
    private static Optional<List<PackagePartName>> targets(PackagePart part) {
        List<PackagePartName> targets = new ArrayList<>();
        try {
            for (PackageRelationship r : part.getRelationships()) {
                if (r.getTargetMode() != TargetMode.EXTERNAL) {
                    target(r).ifPresent(targets::add);
                }
            }
        } catch (InvalidFormatException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(targets);
    }

    private static Optional<PackagePartName> target(PackageRelationship r) {
        try {
            return Optional.of(PackagingURIHelper.createPartName(
                    PackagingURIHelper.resolvePartUri(r.getSourceURI(), r.getTargetURI())));
        } catch (InvalidFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the .xlsx at {@code file} carries gradbook's mark; false for anything else,
     * including files that cannot be read as a zip. Only the small properties part is read.
     */
    public static boolean isMarked(Path file) {
        // The zip's directory leads straight to the one part, without inflating the others.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry custom = zip.getEntry(CUSTOM_PROPERTIES);
            if (custom == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(custom)) {
                return marks(in.readNBytes(1 << 20));
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** As {@link #isMarked(Path)}, for a package read from {@code in}. */
    static boolean isMarked(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(CUSTOM_PROPERTIES)) {
                    return marks(zip.readNBytes(1 << 20));
                }
            }
            return false;
        }
    }

    private static boolean marks(byte[] customProperties) {
        String xml = new String(customProperties, StandardCharsets.UTF_8);
        return xml.contains("name=\"" + GENERATED + "\"");
    }

    private static void put(CustomProperties custom, String key, List<String> items,
            String separator) {
        take(custom, key, separator);
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String item : items) {
            if (chunk.length() > 0
                    && chunk.length() + separator.length() + item.length() > MAX_PROPERTY_LENGTH) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? separator : "").append(item);
        }
        chunks.add(chunk.toString());
        for (int i = 0; i < chunks.size(); i++) {
            custom.addProperty(key(key, i), chunks.get(i));
        }
    }

    /** Reads and removes a list written by {@link #put}. */
    private static List<String> take(CustomProperties custom, String key, String separator) {
        List<String> items = new ArrayList<>();
        for (int i = 0; custom.contains(key(key, i)); i++) {
            CTProperty p = custom.getProperty(key(key, i));
            String value = p.isSetLpwstr() ? p.getLpwstr() : "";
            for (String item : value.split(Pattern.quote(separator))) {
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
            remove(custom, key(key, i));
        }
        return items;
    }

    private static String key(String key, int i) {
        return i == 0 ? key : key + "." + (i + 1);
    }

    private static void remove(CustomProperties custom, String name) {
        CTProperties props = custom.getUnderlyingProperties();
        for (int i = props.sizeOfPropertyArray() - 1; i >= 0; i--) {
            if (name.equals(props.getPropertyArray(i).getName())) {
                props.removeProperty(i);
            }
        }
    }
}
