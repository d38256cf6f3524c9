package gradbook.workbook;

import gradbook.core.Quantity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A short comment on each label cell saying in words what the quantity is and which defined
 * name holds it, so that hovering over z₀ tells a reader "the weighted input of layer 0".
 */
final class LabelComments {
    static final String AUTHOR = "gradbook";
    /** The comment box, in cells: wide enough for a line of words, three lines high. */
    private static final int WIDTH = 3;
    private static final int HEIGHT = 3;

    private LabelComments() {
    }

    /** The comment of a quantity's label: its meaning and its defined name. */
    static String text(Quantity q) {
        return q.meaning() + " (defined name " + q.name() + ")";
    }

    /** Attaches {@code text} as a comment to {@code cell}. */
    static void attach(Sheet sheet, Cell cell, String text) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 1 + WIDTH);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + HEIGHT);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor(AUTHOR);
        // A streamed cell does not move the comment from the anchor's corner to itself.
        comment.setAddress(cell.getRowIndex(), cell.getColumnIndex());
        cell.setCellComment(comment);
    }
}
