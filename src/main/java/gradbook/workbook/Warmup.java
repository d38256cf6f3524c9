package gradbook.workbook;

import gradbook.core.Activation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.SheetUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Loads the classes that writing a workbook needs on a second core while the first one reads
 * the template. A run of gradbook lasts about a second, most of it spent loading and linking
 * POI's classes one after another; a throwaway workbook written in the background (a sheet with
 * numbers, text, a formula, a comment and a chart) loads most of them in parallel, so that the
 * real writer finds them ready. It also starts Java's font system, which the streaming writer
 * needs. The throwaway workbook is never saved anywhere.
 */
public final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread; it never delays the program's exit. */
    public static void inBackground() {
        Thread thread = new Thread(Warmup::writeThrowaway, "gradbook-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Writes the throwaway workbook; false when POI failed on it, which the tests watch. */
    static boolean writeThrowaway() {
        // The template's digest is the writer's first step; Java's security providers, which
        // it needs, take some 50 ms to start.
        Provenance.sha256(new byte[0]);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Warm-up");
            for (int r = 0; r < 4; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
                sheet.getRow(r).createCell(1).setCellValue("label " + r);
                XSSFCell formula = sheet.getRow(r).createCell(2);
                formula.setCellFormula("SUMPRODUCT(A1:A4,A1:A4)+EXP(-A" + (r + 1) + ")");
            }
            XSSFCellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("0.00000"));
            sheet.getRow(0).getCell(0).setCellStyle(style);
            XSSFName name = workbook.createName();
            name.setNameName("warm_up");
            name.setRefersToFormula("'Warm-up'!$A$1:$A$4");
            new LabelComments(sheet).attach(sheet.getRow(0).getCell(1), "warm-up");
            double[] xs = {0, 1, 2, 3};
            ActivationChart.draw(sheet, new ChartColumn(new CellRangeAddress(0, 3, 0, 0), xs),
                    List.of(new ChartColumn(new CellRangeAddress(0, 3, 2, 2), xs)),
                    List.of(Activation.SIGMOID), 5, 0);
            workbook.write(OutputStream.nullOutputStream());
            // POI's streaming sheet measures the default font's digit width as it is made,
            // which starts Java's font system: a tenth of a second, once per process.
            SheetUtil.getDefaultCharWidthAsFloat(workbook);
            return true;
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: the real writer meets and reports any real problem itself.
            return false;
        }
    }
}
