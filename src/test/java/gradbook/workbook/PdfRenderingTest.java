package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradbook.core.Networks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue #4: the example's workbook printed to PDF by LibreOffice reads like the document: each
 * sheet's heading, the labels in the document's notation, the printed values, the chart, no
 * #### and no number too small to read. A network six units wide is printed alongside, in the
 * same start of LibreOffice, for the size of its numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfRenderingTest {
    private static final Path FOLDER = RealPrograms.ROOT.resolve("pdf");
    /** A word box this tall holds type of about 6 pt, the smallest that reads comfortably. */
    private static final double MIN_WORD_HEIGHT = 7.0;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E[-+]\\d+)?");
    private static final Pattern WORD = Pattern.compile("<word xMin=\"[^\"]+\" yMin=\"([^\"]+)\""
            + " xMax=\"[^\"]+\" yMax=\"([^\"]+)\">([^<]*)</word>");

    private String missing;
    private List<String> examplePages;
    private Path examplePdf;
    private Path widePdf;

    @BeforeAll
    void print_the_workbooks_to_pdf() throws Exception {
        missing = RealPrograms.missingLibreOffice();
        if (missing == null) {
            missing = RealPrograms.missingPdfToText();
        }
        if (missing != null) {
            return;
        }
        Generated example = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");
        Generated wide = Generated.fromNetwork(Networks.random(new Random(3), 6, 6, 6), FOLDER,
                "wide");
        List<Path> pdfs = RealPrograms.libreOffice(List.of(example.file(), wide.file()), "pdf",
                FOLDER.resolve("out"));
        examplePdf = pdfs.get(0);
        widePdf = pdfs.get(1);
        examplePages = List.of(RealPrograms.pdfText(examplePdf).split("\f"));
    }

    @BeforeEach
    void skip_without_libreoffice_or_pdftotext() {
        RealPrograms.assumeInstalled(missing);
    }

    @Test
    void heads_each_sheet_s_pages_with_the_document_s_section_title() {
        // given
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("Network", "The Example Network");
        headings.put("Activation", "Hidden and Output Unit Activations");
        headings.put("First Layer", "First Layer Computations");
        headings.put("Second Layer", "Second Layer Computations");
        headings.put("Error", "Error");
        headings.put("Derivatives", "Derivatives");
        headings.put("Weight Updates", "Weight Updates");
        headings.put("Gradient Check", "Gradient Check");
        headings.put("Audit", "Audit of the hand values");

        for (Map.Entry<String, String> sheet : headings.entrySet()) {
            // when
            List<String> pages = pagesOf(sheet.getKey());

            // then
            assertFalse(pages.isEmpty(), "no page of the sheet " + sheet.getKey());
            for (String page : pages) {
                assertTrue(page.strip().startsWith(sheet.getValue()), sheet.getKey()
                        + ": expected each page to begin with " + sheet.getValue()
                        + " but one begins: " + page.strip().lines().findFirst().orElse(""));
            }
        }
    }

    @Test
    void prints_the_labels_in_the_document_s_notation() {
        assertPrinted("First Layer", "z₀ = W₀ᵀx + b₁", "a₀ = S(z₀)");
        assertPrinted("Second Layer", "z₁ = W₁ᵀa₀ + b₂", "a₁ = S(z₁)");
        assertPrinted("Error", "(a₁ − y)²", "E = ½ Σᵢ (a₁ᵢ − yᵢ)²");
        assertPrinted("Derivatives", "∂E/∂a₁ = a₁ − y", "∂E/∂W₀", "δ₀", "The factors",
                "The chain-rule products");
        assertPrinted("Weight Updates", "ΔW₁ = −η ∂E/∂W₁", "b₁ + Δb₁");
    }

    @Test
    void prints_the_values_the_document_prints() {
        // the forward values, as the document prints them
        assertPrinted("First Layer", "-0.5", "0.377541");
        assertPrinted("Second Layer", "-0.622459", "-2.25508", "0.349222", "0.0949121");
        assertPrinted("Error", "0.423512", "0.819184");
        // the backward values done by the formulas (the seed README's second table)
        assertPrinted("Error", "0.621348");
        assertPrinted("Derivatives", "-0.650778", "-0.905088", "0.227266", "0.112825",
                "0.00178631");
        assertPrinted("Weight Updates", "0.01479", "-0.492225", "0.988717", "-0.500179",
                "-0.511283", "0.999821", "-1.00018");
    }

    @Test
    void draws_the_chart_of_S_on_the_activation_page() {
        assertPrinted("Activation", ActivationChart.TITLE, "0.25", "0.75");
    }

    @Test
    void shows_no_cell_too_narrow_for_its_number() {
        for (String page : examplePages) {
            assertFalse(page.contains("###"), "a cell shows ### on the page:\n" + page);
        }
    }

    @Test
    void prints_every_number_large_enough_to_read() throws Exception {
        assertNumbersReadable(examplePdf);
        assertNumbersReadable(widePdf);
    }

    private List<String> pagesOf(String sheet) {
        List<String> pages = new ArrayList<>();
        for (String page : examplePages) {
            if (page.contains(sheet + ", page ")) {
                pages.add(page);
            }
        }
        return pages;
    }

    private void assertPrinted(String sheet, String... texts) {
        String pages = String.join("\f", pagesOf(sheet));
        for (String text : texts) {
            Pattern word = Pattern.compile("(^|[\\s(])" + Pattern.quote(text) + "($|[\\s)])",
                    Pattern.MULTILINE);
            assertTrue(word.matcher(pages).find(), sheet + ": expected \"" + text
                    + "\" on its pages but it is not printed there");
        }
    }

    // Pages with gradbook's footer only: the template's own sheets print as their author set.
    private static void assertNumbersReadable(Path pdf) throws Exception {
        String boxes = RealPrograms.pdfWordBoxes(pdf);
        int numbers = 0;
        for (String page : boxes.split("<page ")) {
            if (!page.contains(">page</word>")) {
                continue;
            }
            Matcher m = WORD.matcher(page);
            while (m.find()) {
                if (!NUMBER.matcher(m.group(3)).matches()) {
                    continue;
                }
                numbers++;
                double height = Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1));
                if (height < MIN_WORD_HEIGHT) {
                    fail(pdf.getFileName() + ": the number " + m.group(3) + " prints "
                            + String.format("%.1f", height) + " pt tall, below "
                            + MIN_WORD_HEIGHT + " pt");
                }
            }
        }
        assertTrue(numbers > 100, pdf.getFileName() + ": expected many numbers, found " + numbers);
    }
}
