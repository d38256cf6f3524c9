package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Networks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue #4: every part of the written package validates against the ECMA-376 schemas. */
class SchemaValidationTest {
    private static final Path FOLDER = Path.of("target", "schema-validation");

    @Test
    void validates_every_part_of_the_example_s_workbook() throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");

        // when
        SchemaValidation.Report report = SchemaValidation.check(g.file());

        // then
        RoundTripCheck.assertNone(g + ": schema validation", report.problems());
        assertEquals(PackageParts.read(g.file()).size(), report.checked().size(),
                "parts checked: " + report.checked());
        assertTrue(report.checked().contains("xl/charts/chart1.xml"), "the chart was checked");
    }

    @Test
    void validates_every_part_of_a_random_deep_network_s_workbook() throws Exception {
        // given four layers, up to six units wide
        Generated g = Generated.fromNetwork(Networks.random(new Random(17), 5, 6, 3, 6, 2),
                FOLDER, "deep");

        // when
        SchemaValidation.Report report = SchemaValidation.check(g.file());

        // then
        RoundTripCheck.assertNone(g + ": schema validation", report.problems());
        assertEquals(PackageParts.read(g.file()).size(), report.checked().size(),
                "parts checked: " + report.checked());
    }

    // The test of the test: a part that breaks the schema is reported, naming the part.
    @Test
    void reports_an_element_the_schema_does_not_allow() throws Exception {
        // given the example's workbook with a stray element in the First Layer sheet
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "spoiled-source");
        Map<String, byte[]> parts = PackageParts.read(g.file());
        String sheet = new String(parts.get("xl/worksheets/sheet4.xml"), StandardCharsets.UTF_8);
        parts.put("xl/worksheets/sheet4.xml", sheet.replaceFirst("<sheetData>",
                "<sheetData><stray/>").getBytes(StandardCharsets.UTF_8));
        Path spoiled = FOLDER.resolve("spoiled.xlsx");
        PackageParts.write(parts, spoiled);

        // when
        SchemaValidation.Report report = SchemaValidation.check(spoiled);

        // then
        assertFalse(report.problems().isEmpty(), "expected the stray element to be reported");
        assertTrue(report.problems().get(0).startsWith("xl/worksheets/sheet4.xml: "),
                "expected the problem in sheet4.xml but was " + report.problems());
    }
}
