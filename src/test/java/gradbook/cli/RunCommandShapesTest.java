package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, shapes that do not chain; each message names both shapes. A gap in the layer
 * numbering is in {@link RunCommandNamesTest#names_the_gap_in_the_layer_numbering}.
 */
class RunCommandShapesTest {
    private static final String P = "'Parameters'!";

    @Test
    void names_both_shapes_when_W_1_does_not_match_the_previous_layer() {
        // given: W_1 grown to 3 × 2 over B11:C13
        TemplateCase c = new TemplateCase(getClass(), "W-rows", wb -> {
            fill(wb, 12, 0.25);
            wb.getName("W_1").setRefersToFormula(P + "$B$11:$C$13");
        });

        // when
        Cli.Result r = c.run();

        // then
        assertRefused(r, c.before, c.output, "t.xlsx, sheet Parameters, cells B11:C13 (range"
                + " W_1): W_1 is 3 × 2 but a_0 has 2 entries");
    }

    @Test
    void names_both_shapes_when_a_bias_or_y_has_the_wrong_width() {
        // given: b_2 and y three wide while the last layer has two outputs
        TemplateCase c = new TemplateCase(getClass(), "b-and-y", wb -> {
            wb.getSheet("Parameters").getRow(15).createCell(3).setCellValue(0.5);
            wb.getSheet("Parameters").getRow(3).createCell(3).setCellValue(1);
            wb.getName("b_2").setRefersToFormula(P + "$B$16:$D$16");
            wb.getName("y").setRefersToFormula(P + "$B$4:$D$4");
        });

        // when
        Cli.Result r = c.run();

        // then: both, in one run
        assertRefused(r, c.before, c.output, "cells B16:D16 (range b_2): b_2 is 3 × 1 but W_1"
                + " has 2 columns", "cells B4:D4 (range y): y is 3 × 1 but the last layer has"
                + " 2 outputs");
        assertEquals(2, r.errLines().size(), r.toString());
    }

    @Test
    void lists_shape_and_cell_problems_of_one_template_together() {
        // given: W_0 three columns wide and text in W_1
        TemplateCase c = new TemplateCase(getClass(), "together", wb -> {
            wb.getSheet("Parameters").getRow(7).createCell(3).setCellValue(1);
            wb.getSheet("Parameters").getRow(8).createCell(3).setCellValue(1);
            wb.getName("W_0").setRefersToFormula(P + "$B$8:$D$9");
            wb.getSheet("Parameters").getRow(10).getCell(1).setCellValue("two");
        });

        // when
        Cli.Result r = c.run();

        // then
        assertRefused(r, c.before, c.output, "cell B11 (range W_1): expected a number but found"
                + " the text \"two\"", "W_1 is 2 × 2 but a_0 has 3 entries", "b_1 is 2 × 1 but"
                + " W_0 has 3 columns");
    }

    private static void fill(XSSFWorkbook wb, int row, double value) {
        var r = wb.getSheet("Parameters").createRow(row);
        r.createCell(1).setCellValue(value);
        r.createCell(2).setCellValue(value);
    }
}
