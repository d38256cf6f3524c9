package gradbook.workbook;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * Opens a template file as an .xlsx workbook in memory, or says in one line why it cannot:
 * missing, unreadable, empty, not a spreadsheet, a corrupt zip, password-protected, a legacy
 * .xls or an .ods, or over Apache POI's limits against zip bombs (which stay on).
 *
 * <p>A big worksheet is read thinned, its empty cells and plain numbers kept out of POI's
 * model (see {@link ThinTemplate}); readers find them through {@link TemplateCells}.
 *
 * <p>The file is only read, never written. A macro workbook (.xlsm) is read as a plain
 * workbook: its VBA project is dropped, so nothing gradbook writes carries macros.
 */
public final class WorkbookOpener {
    private static final String ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

    private WorkbookOpener() {
    }

    /** A workbook as opened, and what was done to it on the way in. */
    public record Opened(XSSFWorkbook workbook, boolean encrypted, boolean hadMacros) {
    }

    /**
     * Opens {@code file}; {@code password} opens a password-protected workbook and may be null.
     */
    public static Opened open(Path file, String password) throws TemplateException {
        String name = name(file);
        checkFile(file);
        FileMagic magic = magic(file, name);
        XSSFWorkbook workbook;
        boolean encrypted = false;
        if (magic == FileMagic.OLE2) {
            workbook = openOle2(file, name, password);
            encrypted = true;
        } else if (magic == FileMagic.OOXML) {
            checkZipKind(file, name);
            workbook = openZip(file, name);
        } else {
            throw new TemplateException(name + ": not a spreadsheet (" + describe(magic)
                    + "); save the template as an Excel workbook (.xlsx)");
        }
        boolean hadMacros = dropMacros(workbook, name);
        return new Opened(workbook, encrypted, hadMacros);
    }

    private static void checkFile(Path file) throws TemplateException {
        if (!Files.exists(file)) {
            throw new TemplateException(file + ": no such file; give the path of an .xlsx"
                    + " template");
        }
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(file + ": not a file but a folder or device; give the"
                    + " path of an .xlsx template");
        }
    }

    private static FileMagic magic(Path file, String name) throws TemplateException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return FileMagic.valueOf(in);
        } catch (EmptyFileException e) {
            throw new TemplateException(name + ": the file is empty (0 bytes); save the"
                    + " template again from your spreadsheet program", e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static TemplateException unreadable(String name, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new TemplateException(name + ": cannot be read (" + why + "); check that the"
                + " file is readable by you", e);
    }

    // An OLE2 file is either an encrypted .xlsx (an OLE2 wrapper around the package) or a
    // legacy binary workbook, or some other Office document.
    private static XSSFWorkbook openOle2(Path file, String name, String password)
            throws TemplateException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") && root.hasEntry("EncryptedPackage")) {
                return decrypt(fs, name, password);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK")
                    || root.hasEntry("Book")) {
                throw new TemplateException(name + ": a legacy Excel 97-2003 workbook (.xls),"
                        + " which gradbook does not read; convert it to .xlsx with: "
                        + convertCommand(file));
            }
            throw new TemplateException(name + ": an Office document that is not a workbook;"
                    + " give an .xlsx template");
        } catch (IOException | RuntimeException e) {
            throw new TemplateException(name + ": a damaged Office file (" + e.getMessage()
                    + "); save the template again as .xlsx", e);
        }
    }

    private static XSSFWorkbook decrypt(POIFSFileSystem fs, String name, String password)
            throws TemplateException {
        if (password == null) {
            throw new TemplateException(name + ": the workbook is password-protected; give its"
                    + " password with --password");
        }
        try {
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
            if (!decryptor.verifyPassword(password)) {
                throw new TemplateException(name + ": the password given with --password does"
                        + " not open this workbook; check it (passwords are case-sensitive)");
            }
            try (InputStream in = decryptor.getDataStream(fs)) {
                return read(in, name);
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new TemplateException(name + ": the workbook is password-protected in a way"
                    + " gradbook cannot open (" + e.getMessage() + "); save it again without a"
                    + " password", e);
        }
    }

    // A template with a big sheet is read thinned (see ThinTemplate); an encrypted one, above,
    // is read whole, since its package exists only in memory.
    private static XSSFWorkbook openZip(Path file, String name) throws TemplateException {
        ThinTemplate.Thinned thinned = ThinTemplate.open(file);
        if (thinned != null) {
            XSSFWorkbook workbook = read(new ByteArrayInputStream(thinned.zip()), name);
            thinned.cells().register(workbook);
            return workbook;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    // Reads through POI's ZipSecureFile checks: a part that inflates more than 100-fold, that
    // says it is larger than POI allows, or too many parts, stop the read with an IOException.
    private static XSSFWorkbook read(InputStream in, String name) throws TemplateException {
        try {
            XSSFWorkbook workbook = new XSSFWorkbook(in);
            checkProperties(workbook, name);
            return workbook;
        } catch (IOException | POIXMLException | RecordFormatException e) {
            String limit = limitBroken(e);
            if (limit != null) {
                throw new TemplateException(name + ": " + limit + ", so gradbook refuses to open"
                        + " it (a possible zip bomb); if the workbook is genuine, open it in"
                        + " your spreadsheet program and save it again as .xlsx", e);
            }
            throw corrupt(name, e);
        } catch (UnsupportedFileFormatException e) {
            throw new TemplateException(name + ": a zip archive but not an Excel workbook;"
                    + " save the template as .xlsx", e);
        } catch (RuntimeException e) {
            throw corrupt(name, e);
        }
    }

    // POI keeps a core-properties part it cannot parse as raw bytes and fails only when it
    // saves; the other properties parts are parsed lazily; a broken relationship is kept and
    // written out again. All are checked here, up front.
    private static void checkProperties(XSSFWorkbook workbook, String name)
            throws TemplateException {
        String broken = PackageCheck.problem(workbook.getPackage());
        if (broken != null) {
            throw new TemplateException(name + ": the file is damaged: " + broken + "; open it"
                    + " in your spreadsheet program and save it again");
        }
        for (PackagePart p : workbook.getPackage().getPartsByContentType(
                ContentTypes.CORE_PROPERTIES_PART)) {
            if (!(p instanceof PackagePropertiesPart)) {
                throw new TemplateException(name + ": the file is damaged: its document"
                        + " properties (" + p.getPartName().getName().substring(1) + ") cannot"
                        + " be read; open it in your spreadsheet program and save it again");
            }
        }
        workbook.getProperties();
    }

    private static TemplateException corrupt(String name, Exception e) {
        return new TemplateException(name + ": the file is damaged and cannot be read as an"
                + " .xlsx workbook (" + firstLine(rootCause(e)) + "); open it in your"
                + " spreadsheet program and save it again", e);
    }

    /** What POI's limit says, in our words, or null when the failure is something else. */
    private static String limitBroken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.startsWith("Zip bomb detected")) {
                String entry = m.replaceAll("(?s).*Entry: ", "").trim();
                return m.contains("ratio")
                        ? "its part " + entry + " unpacks to more than 100 times its packed size"
                        : "its part " + entry + " unpacks to more than POI's limit";
            }
            if (m.startsWith("ZIP entry size is too large")) {
                return "one of its parts says it unpacks to more than 100 MB";
            }
            if (m.contains("more internal file entries than expected")) {
                return "it holds more parts than POI's limit of 1000";
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }

    // An .ods is a zip too: its part "mimetype" says what it holds. A zip with no content-type
    // part, or with no part under xl/, is an archive but no Excel workbook. The zip's directory
    // lists the parts without inflating them.
    private static void checkZipKind(Path file, String name) throws TemplateException {
        boolean contentTypes;
        boolean excelPart;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String type;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim();
                }
                throw new TemplateException(name + (type.startsWith(ODS_MIMETYPE)
                        ? ": an OpenDocument spreadsheet (.ods), which gradbook does not read;"
                                + " convert it to .xlsx with: " + convertCommand(file)
                        : ": an OpenDocument file but not a spreadsheet (" + type + "); give an"
                                + " .xlsx template"));
            }
            contentTypes = zip.getEntry("[Content_Types].xml") != null;
            excelPart = zip.stream().limit(10_000)
                    .anyMatch(e -> e.getName().startsWith("xl/"));
        } catch (IOException | IllegalArgumentException e) {
            return; // not readable as a plain zip: POI's own reading will say what is wrong
        }
        if (!contentTypes || !excelPart) {
            throw new TemplateException(name + ": a zip archive but not an Excel workbook"
                    + (contentTypes ? " (perhaps another Office document)" : "")
                    + "; give an .xlsx template");
        }
    }

    /**
     * The LibreOffice command that converts {@code file} to .xlsx in the folder where it is run;
     * a file already named .xlsx goes to the folder converted/ instead, since LibreOffice does
     * not write over the file it reads.
     */
    static String convertCommand(Path file) {
        boolean named = name(file).toLowerCase(Locale.ROOT).endsWith(".xlsx");
        return "soffice --headless --convert-to xlsx " + (named ? "--outdir converted " : "")
                + shellQuoted(file.toString());
    }

    private static String shellQuoted(String s) {
        return s.matches("[A-Za-z0-9_./+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case PDF -> "it is a PDF document";
            case HTML -> "it is an HTML page";
            case XML -> "it is an XML file";
            case RTF, WORD2, MSWRITE -> "it is a word-processor document";
            case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> "it is an image";
            case BIFF2, BIFF3, BIFF4 -> "it is a very old Excel file";
            default -> "it is neither an .xlsx workbook nor any other Office file";
        };
    }

    // The output is always .xlsx: drop the VBA project and mark the workbook as a plain one, so
    // no part or content type of a macro workbook comes along.
    private static boolean dropMacros(XSSFWorkbook workbook, String name)
            throws TemplateException {
        PackagePart part = workbook.getPackagePart();
        List<PackageRelationship> vba = new ArrayList<>();
        try {
            part.getRelationshipsByType(XSSFRelation.VBA_MACROS.getRelation()).forEach(vba::add);
            for (PackageRelationship r : vba) {
                PackagePartName target = PackagingURIHelper.createPartName(
                        PackagingURIHelper.resolvePartUri(part.getPartName().getURI(),
                                r.getTargetURI()));
                part.removeRelationship(r.getId());
                if (part.getPackage().containPart(target)) {
                    part.getPackage().removePartRecursive(target);
                }
            }
        } catch (InvalidFormatException e) {
            throw new TemplateException(name + ": its macro project cannot be removed ("
                    + e.getMessage() + "); save the template as .xlsx", e);
        }
        // A macro workbook or a template (.xltx) is written out as a plain workbook.
        String type = part.getContentType();
        if (!type.equals(XSSFRelation.WORKBOOK.getContentType())) {
            workbook.setWorkbookType(XSSFWorkbookType.XLSX);
        }
        return !vba.isEmpty() || type.toLowerCase(Locale.ROOT).contains("macro");
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
