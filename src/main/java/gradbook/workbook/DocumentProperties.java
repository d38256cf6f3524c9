package gradbook.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperties;

/**
 * The written workbook's document properties (File › Properties): a title, the program and
 * version that made it, and the template it was made from, by file name and SHA-256 digest of
 * its contents, so a reader can tell which template a workbook answers. No path of the machine
 * that made it is written, and the folder Excel records in a workbook it saved is dropped.
 */
final class DocumentProperties {
    static final String GENERATOR = "Generator";
    static final String TEMPLATE = "Template";
    static final String TEMPLATE_SHA_256 = "Template SHA-256";

    private static final String EXCEL_ABS_PATH_NS =
            "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac";

    private DocumentProperties() {
    }

    static void set(XSSFWorkbook workbook, Template template) throws IOException {
        String generator = "gradbook " + Version.get();
        String digest = sha256(template);
        POIXMLProperties properties = workbook.getProperties();

        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle("One gradient step of " + template.fileName());
        core.setSubjectProperty("Backpropagation, audited: every intermediate beside a formula");
        core.setDescription("Made by " + generator + " from the template "
                + template.fileName() + " (SHA-256 " + digest + ").");
        core.setModified(Optional.of(new Date()));

        POIXMLProperties.ExtendedProperties extended = properties.getExtendedProperties();
        extended.setApplication(generator);
        extended.setTemplate(template.fileName());
        if (extended.getUnderlyingProperties().isSetAppVersion()) {
            extended.getUnderlyingProperties().unsetAppVersion();
        }

        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        put(custom, GENERATOR, generator);
        put(custom, TEMPLATE, template.fileName());
        put(custom, TEMPLATE_SHA_256, digest);
        dropExcelsFolder(workbook);
    }

    /** The SHA-256 digest of the template file's bytes, in lower-case hex. */
    static String sha256(Template template) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(template.file())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void put(POIXMLProperties.CustomProperties custom, String name, String value) {
        CTProperties list = custom.getUnderlyingProperties();
        for (int i = list.sizeOfPropertyArray() - 1; i >= 0; i--) {
            if (name.equals(list.getPropertyArray(i).getName())) {
                list.removeProperty(i);
            }
        }
        custom.addProperty(name, value);
    }

    // Excel saves the folder it last saved a workbook in as <x15ac:absPath url="C:\…"/>, inside
    // an mc:AlternateContent of workbook.xml; a template saved by Excel would pass it on.
    private static void dropExcelsFolder(XSSFWorkbook workbook) {
        String path = "declare namespace ac='" + EXCEL_ABS_PATH_NS + "' .//ac:absPath";
        boolean found = true;
        while (found) {
            try (XmlCursor cursor = workbook.getCTWorkbook().newCursor()) {
                cursor.selectPath(path);
                found = cursor.toNextSelection();
                if (found) {
                    toEnclosingAlternateContent(cursor);
                    cursor.removeXml();
                }
            }
        }
    }

    private static void toEnclosingAlternateContent(XmlCursor cursor) {
        try (XmlCursor ancestor = cursor.newCursor()) {
            while (ancestor.toParent()) {
                QName name = ancestor.getName();
                if (name != null && name.getLocalPart().equals("AlternateContent")) {
                    cursor.toCursor(ancestor);
                    return;
                }
            }
        }
    }
}
