package gradbook.workbook;

import java.time.Instant;
import java.util.Date;
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
 *
 * <p>No clock either: the date last modified is written only when asked for, so that the same
 * template gives the same bytes (see {@link Provenance} for what the custom properties record).
 */
final class DocumentProperties {
    static final String GENERATOR = Provenance.GENERATOR;
    static final String TEMPLATE = Provenance.TEMPLATE;
    static final String TEMPLATE_SHA_256 = Provenance.TEMPLATE_SHA_256;

    private static final String EXCEL_ABS_PATH_NS =
            "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac";

    private DocumentProperties() {
    }

    /**
     * Sets the properties of a workbook made from {@code template} as {@code made} records;
     * {@code modified} is the date last modified to give, or null to give none.
     */
    static void set(XSSFWorkbook workbook, Template template, Provenance made, Instant modified) {
        String generator = made.generator();
        String digest = made.templateSha256();
        POIXMLProperties properties = workbook.getProperties();

        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        int steps = template.network() == null ? 1 : template.network().training().steps();
        core.setTitle((steps == 1 ? "One gradient step of " : steps + " gradient steps of ")
                + template.fileName());
        core.setSubjectProperty("Backpropagation, audited: every intermediate beside a formula");
        core.setDescription("Made by " + generator + " from the template "
                + template.fileName() + " (SHA-256 " + digest + ").");
        // A template's own date would claim a time this workbook was not made at.
        core.setModified(Optional.ofNullable(modified).map(Date::from));

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
        put(custom, Provenance.CONVENTION, made.convention());
        put(custom, Provenance.TOLERANCE, made.tolerance());
        put(custom, Provenance.FORMULAS, made.formulas());
        numberFromTwo(custom.getUnderlyingProperties());
        dropExcelsFolder(workbook);
    }

    // POI numbers each property it adds one past the highest it has seen, so a workbook
    // regenerated run after run, its properties replaced each time, would count up for ever.
    // A pid only tells the properties apart, from 2 on.
    private static void numberFromTwo(CTProperties list) {
        for (int i = 0; i < list.sizeOfPropertyArray(); i++) {
            list.getPropertyArray(i).setPid(2 + i);
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
