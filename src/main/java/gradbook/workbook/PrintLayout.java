package gradbook.workbook;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * How a generated sheet prints and scrolls. The print area is what the sheet shows, charts too;
 * the footer names the sheet and page. A sheet prints one page wide, in landscape when that is
 * too wide for portrait, its heading row repeated on each page; one so wide that its numbers
 * would print smaller than {@link #MIN_SCALE} of their size instead prints one block (Java,
 * formula, formula − Java) per page across, each beside the repeated label column. Never both
 * repeated: Excel writes the pair as a union (Network!$A:$A,Network!$1:$1), which gnumeric
 * cannot read. Pages break between quantities, never inside one. A sheet longer or wider than a
 * screen keeps its heading rows and label column in view.
 *
 * <p>Page capacities are estimated from Letter and A4, whichever is smaller, with characters and
 * rows as large as the programs draw them, so the estimate errs towards more pages.
 * Excel ignores manual page breaks on a sheet fitted to a width; LibreOffice keeps them.
 */
final class PrintLayout {
    /** The smallest print scale whose numbers still read comfortably (11 pt becomes 6 pt). */
    static final double MIN_SCALE = 0.55;
    /** A sheet longer than this, in rows, or wider, in columns, has frozen panes. */
    static final int SCREEN_ROWS = 40;
    static final int SCREEN_COLUMNS = 10;

    // In points: a character of the default font (with the cell's padding) and a row, as
    // LibreOffice draws them where Calibri falls back to DejaVu Sans, the widest case; and the
    // part of the smaller of Letter and A4 inside the margins, less the repeated heading.
    private static final double CHARACTER = 7.7;
    private static final double ROW = 16.5;
    private static final double PORTRAIT_WIDTH = 494;
    private static final double PORTRAIT_HEIGHT = 664;
    private static final double LANDSCAPE_WIDTH = 691;
    private static final double LANDSCAPE_HEIGHT = 467;
    /** Margins in inches, as Excel sets them by default; the footer sits in the bottom one. */
    private static final double SIDE_MARGIN = 0.7;
    private static final double TOP_MARGIN = 0.75;
    private static final double FOOTER_MARGIN = 0.3;

    private PrintLayout() {
    }

    /**
     * Lays out {@code sheet} for print and screen.
     *
     * @param headingRows the rows to keep in view at the top
     * @param onePage true to print the whole sheet on one page
     * @param blockColumns the first columns of the blocks right of the first (the formula and
     *     difference blocks), where a sheet too wide for one page is split
     */
    static void apply(GeneratedSheet generated, int headingRows, boolean onePage,
            List<Integer> blockColumns) {
        Sheet sheet = generated.sheet();
        CellRangeAddress area = usedArea(generated);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet),
                area.getFirstColumn(), area.getLastColumn(), area.getFirstRow(),
                area.getLastRow());
        sheet.getFooter().setCenter("&A, page &P of &N");
        setMargins(sheet);

        double width = characters(sheet, 0, area.getLastColumn());
        int pagesAcross = 1;
        if (scale(width, true) < MIN_SCALE && !blockColumns.isEmpty()) {
            pagesAcross = blockColumns.size() + 1;
            width = splitAtBlocks(sheet, blockColumns, area.getLastColumn());
        } else {
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        }
        boolean landscape = scale(width, false) < 1;
        PrintSetup setup = sheet.getPrintSetup();
        setup.setLandscape(landscape);
        sheet.setFitToPage(true);
        setup.setFitWidth((short) pagesAcross);
        setup.setFitHeight((short) (onePage ? 1 : 0));
        if (!onePage) {
            breakBetweenBlocks(generated, rowsPerPage(width, landscape));
        }

        if (area.getLastRow() + 1 > SCREEN_ROWS || area.getLastColumn() + 1 > SCREEN_COLUMNS) {
            sheet.createFreezePane(1, headingRows);
        }
    }

    private static void setMargins(Sheet sheet) {
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.TOP, TOP_MARGIN);
        sheet.setMargin(PageMargin.BOTTOM, TOP_MARGIN);
        sheet.setMargin(PageMargin.HEADER, FOOTER_MARGIN);
        sheet.setMargin(PageMargin.FOOTER, FOOTER_MARGIN);
    }

    // One page across per block, each beside the label column; returns the widest page's
    // width in characters.
    private static double splitAtBlocks(Sheet sheet, List<Integer> blockColumns,
            int lastCol) {
        for (int c : blockColumns) {
            sheet.setColumnBreak(c - 1);
        }
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
        // Java, formula and difference of the same rows on consecutive pages.
        sheet.getPrintSetup().setLeftToRight(true);
        return widestSlice(sheet, blockColumns, lastCol);
    }

    // Every cell written, and every chart's anchor.
    private static CellRangeAddress usedArea(GeneratedSheet sheet) {
        int lastRow = sheet.lastRow();
        int lastCol = Math.max(0, sheet.lastColumn());
        XSSFDrawing drawing = sheet.drawn().getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFChart chart : drawing.getCharts()) {
                XSSFClientAnchor anchor = (XSSFClientAnchor) chart.getGraphicFrame().getAnchor();
                lastRow = Math.max(lastRow, anchor.getRow2());
                lastCol = Math.max(lastCol, anchor.getCol2() - 1);
            }
        }
        return new CellRangeAddress(0, lastRow, 0, lastCol);
    }

    /** The scale at which {@code width} characters fill a page's width, at most 1. */
    private static double scale(double width, boolean landscape) {
        return Math.min(1, (landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH) / (width * CHARACTER));
    }

    private static int rowsPerPage(double width, boolean landscape) {
        double height = landscape ? LANDSCAPE_HEIGHT : PORTRAIT_HEIGHT;
        return (int) (height / (ROW * scale(width, landscape)));
    }

    // The label column and the widest of the blocks that share a page with it.
    private static double widestSlice(Sheet sheet, List<Integer> blockColumns, int lastCol) {
        double widest = 0;
        int from = 1;
        List<Integer> ends = new ArrayList<>(blockColumns);
        ends.add(lastCol + 1);
        for (int end : ends) {
            widest = Math.max(widest, characters(sheet, from, end - 1));
            from = end;
        }
        return characters(sheet, 0, 0) + widest;
    }

    private static double characters(Sheet sheet, int from, int to) {
        double width = 0;
        for (int c = from; c <= to; c++) {
            width += sheet.getColumnWidth(c) / 256.0;
        }
        return width;
    }

    // A block is a run of rows that hold something; a lone row (a subheading) goes with the
    // block below it. A page takes whole blocks while they fit.
    private static void breakBetweenBlocks(GeneratedSheet sheet, int rowsPerPage) {
        int pageStart = 0;
        for (int[] block : blocks(sheet)) {
            if (block[1] - pageStart + 1 > rowsPerPage && block[0] > pageStart) {
                sheet.sheet().setRowBreak(block[0] - 1);
                pageStart = block[0];
            }
        }
    }

    /** The blocks as {first row, last row}, top to bottom. */
    static List<int[]> blocks(GeneratedSheet sheet) {
        List<int[]> blocks = new ArrayList<>();
        int start = -1;
        for (int r = 0; r <= sheet.lastRow() + 1; r++) {
            boolean filled = sheet.isFilled(r);
            if (filled && start < 0) {
                start = r;
            } else if (!filled && start >= 0) {
                blocks.add(new int[] {start, r - 1});
                start = -1;
            }
        }
        List<int[]> joined = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            int[] b = blocks.get(i);
            if (b[0] == b[1] && i + 1 < blocks.size()) {
                blocks.set(i + 1, new int[] {b[0], blocks.get(i + 1)[1]});
            } else {
                joined.add(b);
            }
        }
        return joined;
    }
}
