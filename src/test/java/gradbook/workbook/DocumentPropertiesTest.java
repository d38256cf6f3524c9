package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue #4: what File › Properties says of a written workbook. */
class DocumentPropertiesTest {
    private static final Path FOLDER = Path.of("target", "document-properties");
    private static final Path EXAMPLE = Path.of("templates", "worked-example.xlsx");

    @Test
    void gives_a_title_the_generator_and_the_template_name() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "example");

        // when
        POIXMLProperties p;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            p = wb.getProperties();
        }

        // then
        String generator = "gradbook " + Version.get();
        assertEquals("One gradient step of worked-example.xlsx", p.getCoreProperties().getTitle());
        assertEquals(generator, p.getExtendedProperties().getApplication());
        assertEquals("worked-example.xlsx", p.getExtendedProperties().getTemplate());
        assertEquals(generator, custom(p, DocumentProperties.GENERATOR));
        assertEquals("worked-example.xlsx", custom(p, DocumentProperties.TEMPLATE));
    }

    @Test
    void records_the_sha256_digest_of_the_template_contents() throws Exception {
        // given
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(EXAMPLE)));

        // when
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "digest");

        // then
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            POIXMLProperties p = wb.getProperties();
            assertEquals(expected, custom(p, DocumentProperties.TEMPLATE_SHA_256));
            assertTrue(p.getCoreProperties().getDescription().contains(expected),
                    "expected the digest in the description but it says: "
                            + p.getCoreProperties().getDescription());
        }
    }

    @Test
    void writes_no_path_of_the_machine_that_made_it() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "paths");
        List<String> paths = List.of(EXAMPLE.toAbsolutePath().getParent().toString(),
                FOLDER.toAbsolutePath().toString(), System.getProperty("user.dir"),
                System.getProperty("user.home"));

        // when
        Map<String, byte[]> parts = PackageParts.read(g.file());

        // then
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String text = new String(part.getValue(), StandardCharsets.UTF_8);
            for (String path : paths) {
                assertFalse(text.contains(path), part.getKey() + " holds the path " + path);
            }
        }
    }

    @Test
    void drops_the_folder_excel_recorded_in_the_template() throws Exception {
        // given a template saved as Excel saves one, with the folder it was saved in
        Path template = FOLDER.resolve("saved-by-excel.xlsx");
        Map<String, byte[]> parts = PackageParts.read(EXAMPLE);
        String workbook = new String(parts.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        String folder = "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/"
                + "markup-compatibility/2006\"><mc:Choice Requires=\"x15\"><x15ac:absPath"
                + " xmlns:x15ac=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac\""
                + " url=\"C:\\Users\\teacher\\Desktop\\\"/></mc:Choice></mc:AlternateContent>";
        workbook = workbook.replaceFirst("(<workbookPr[^>]*/>)", "$1" + folder);
        assertTrue(workbook.contains("absPath"), "the test template holds absPath");
        parts.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        PackageParts.write(parts, template);

        // when
        Generated g = Generated.fromTemplate(template, FOLDER, "from-excel");

        // then
        String written = new String(PackageParts.read(g.file()).get("xl/workbook.xml"),
                StandardCharsets.UTF_8);
        assertFalse(written.contains("teacher"), "xl/workbook.xml still holds the folder: "
                + written.substring(0, Math.min(600, written.length())));
        assertFalse(written.contains("AlternateContent"), "an empty AlternateContent is left");
    }

    @Test
    void replaces_the_template_s_own_generator_properties() throws Exception {
        // given a template that came out of another program, and a gradbook run before
        Path template = FOLDER.resolve("with-properties.xlsx");
        try (XSSFWorkbook wb = RoundTripCheck.open(EXAMPLE)) {
            wb.getProperties().getExtendedProperties().setApplication("Microsoft Excel");
            wb.getProperties().getExtendedProperties().setAppVersion("16.0300");
            wb.getProperties().getCustomProperties().addProperty(DocumentProperties.TEMPLATE,
                    "older.xlsx");
            WorkbookWriter.save(wb, template);
        }

        // when
        Generated g = Generated.fromTemplate(template, FOLDER, "replaced");

        // then
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            POIXMLProperties p = wb.getProperties();
            assertEquals("gradbook " + Version.get(), p.getExtendedProperties().getApplication());
            assertNull(p.getExtendedProperties().getAppVersion(), "AppVersion of another program");
            assertEquals("with-properties.xlsx", custom(p, DocumentProperties.TEMPLATE));
        }
    }

    private static String custom(POIXMLProperties p, String name) {
        var property = p.getCustomProperties().getProperty(name);
        assertTrue(property != null, "expected a custom property " + name);
        return property.getLpwstr();
    }
}
