package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Network;
import gradbook.core.Networks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: sheet names, defined names and styles within what Excel, LibreOffice and gnumeric
 * all accept, and a workbook that asks to be recalculated when opened.
 */
class ExcelLimitsTest {
    private static final Path FOLDER = Path.of("target", "excel-limits");

    // Excel: 64,000 cell formats, 512 fonts, 200 to 250 number formats by language version.
    private static final int MAX_CELL_STYLES = 64_000;
    private static final int MAX_FONTS = 512;
    private static final int MAX_NUMBER_FORMATS = 200;
    private static final int EXCEL_FORMULA_CHARACTERS = 8_192;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_\\\\][A-Za-z0-9_.]{0,254}");
    private static final Pattern R1C1 = Pattern.compile("(?i)[RC]|R\\d*C\\d*|R\\d+|C\\d+");

    @Test
    void names_every_sheet_within_all_three_programs_limits() {
        // given networks of 1 to 30 layers
        for (int L = 1; L <= 30; L++) {
            for (String sheet : SheetPlan.names(L)) {
                // then Excel's 31 characters and forbidden characters, and gnumeric's apostrophe
                assertTrue(sheet.length() <= 31, sheet + ": longer than 31 characters");
                assertFalse(sheet.matches(".*[\\[\\]:*?/\\\\'].*"), sheet
                        + ": holds a character a sheet name cannot, or an apostrophe");
                assertFalse(sheet.equalsIgnoreCase("History"), "Excel reserves History");
            }
        }
    }

    @Test
    void writes_defined_names_that_are_no_cell_address() throws Exception {
        // given a deep network, whose names run to the highest indices
        Generated g = Generated.fromNetwork(Networks.random(new Random(2), 2, 3, 3, 3, 3, 2),
                FOLDER, "deep");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            Set<String> seen = new HashSet<>();
            for (Name name : wb.getAllNames()) {
                String n = name.getNameName();
                if (n.startsWith("_xlnm.")) {
                    continue;
                }

                // then
                assertTrue(NAME.matcher(n).matches(), n + ": not a valid defined name");
                assertFalse(isCellAddress(n), n + ": reads as a cell address");
                assertFalse(R1C1.matcher(n).matches(), n + ": reads as an R1C1 address");
                assertTrue(seen.add(n.toLowerCase(Locale.ROOT)),
                        n + ": names differ only in case, which Excel treats as one");
            }
            assertTrue(seen.contains("de_dw_4"), "expected the names of all five layers");
        }
    }

    @Test
    void keeps_styles_fonts_and_number_formats_within_excel_s_limits() throws Exception {
        // given a wide, deep network, whose values take many number formats
        Generated g = Generated.fromNetwork(Networks.random(new Random(9), 6, 6, 6, 6, 6),
                FOLDER, "wide");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            int styles = wb.getNumCellStyles();
            int fonts = wb.getNumberOfFonts();
            int formats = wb.getStylesSource().getNumberFormats().size();

            // then
            assertTrue(styles < MAX_CELL_STYLES, styles + " cell styles");
            assertTrue(fonts < MAX_FONTS, fonts + " fonts");
            assertTrue(formats < MAX_NUMBER_FORMATS, formats + " number formats");
        }
    }

    @Test
    void asks_every_program_to_recalculate_in_full_when_it_opens_the_workbook()
            throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");

        // when
        String workbook = new String(PackageParts.read(g.file()).get("xl/workbook.xml"),
                StandardCharsets.UTF_8);

        // then
        Matcher calcPr = Pattern.compile("<calcPr[^>]*>").matcher(workbook);
        assertTrue(calcPr.find(), "expected a calcPr element in xl/workbook.xml");
        assertTrue(calcPr.group().matches(".*fullCalcOnLoad=\"(1|true)\".*"),
                "expected fullCalcOnLoad on but found " + calcPr.group());
    }

    @Test
    void keeps_every_formula_of_a_wide_network_within_excel_s_8192_characters() throws Exception {
        // given 300 inputs, a layer of 2, a layer of 300 and 2 outputs, in both weight layouts:
        // z_0 and z_2 sum over 300 terms, δ_0 over layer 1's 300 units
        Network wide = Networks.random(new Random(4), 300, 2, 300, 2);
        for (boolean outByIn : List.of(false, true)) {
            Path template = FOLDER.resolve("wide-" + outByIn + "-template.xlsx");
            Files.createDirectories(FOLDER);
            TemplateWriter.write(wide, "A wide network", new TemplateLayout(outByIn, false),
                    Map.of(), template);
            Generated g = Generated.fromTemplate(template, FOLDER, "wide-" + outByIn,
                    FormulaMode.ALL);

            // when
            String longest = "";
            int formulas;
            try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
                List<Cell> cells = RoundTripCheck.formulaCells(wb);
                formulas = cells.size();
                for (Cell cell : cells) {
                    if (cell.getCellFormula().length() > longest.length()) {
                        longest = cell.getCellFormula();
                    }
                }
            }

            // then Excel's limit, over a twin and a difference for each of the 1,800 weights
            assertTrue(formulas > 2 * 1_800, formulas + " formulas");
            String found = longest;
            assertTrue(found.length() <= EXCEL_FORMULA_CHARACTERS, () -> (outByIn ? "out_by_in"
                    : "in_by_out") + ": a formula of " + found.length() + " characters: "
                    + found.substring(0, 200) + "…");
        }
    }

    // A1-style: up to three letters up to XFD, then a row number up to 1,048,576.
    private static boolean isCellAddress(String name) {
        Matcher m = Pattern.compile("(?i)([A-Z]{1,3})(\\d{1,7})").matcher(name);
        if (!m.matches()) {
            return false;
        }
        return CellReference.cellReferenceIsWithinRange(m.group(1), m.group(2),
                SpreadsheetVersion.EXCEL2007);
    }
}
