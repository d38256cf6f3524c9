package gradbook.workbook;

import gradbook.core.Quantity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A short comment on each label cell saying in words what the quantity is and which defined
 * name holds it, so that hovering over z₀ tells a reader "the weighted input of layer 0".
 * One per sheet: looking up the sheet's drawing and making a new anchor for every comment took
 * a seventh of the comments' time in a profile, so both are made once here.
 */
final class LabelComments {
    static final String AUTHOR = "gradbook";
    /** The comment box, in cells: wide enough for a line of words, three lines high. */
    private static final int WIDTH = 3;
    private static final int HEIGHT = 3;

    private final Drawing<?> drawing;
    private final CreationHelper helper;
    /** Where the next box goes; POI reads it as the comment is made and keeps no hold of it. */
    private final ClientAnchor anchor;

    LabelComments(Sheet sheet) {
        drawing = sheet.createDrawingPatriarch();
        helper = sheet.getWorkbook().getCreationHelper();
        anchor = helper.createClientAnchor();
    }

    /** The comment of a quantity's label: its meaning and its defined name. */
    static String text(Quantity q) {
        return q.meaning() + " (defined name " + q.name() + ")";
    }

    /** Attaches {@code text} as a comment to {@code cell}, a cell of this sheet. */
    void attach(Cell cell, String text) {
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 1 + WIDTH);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + HEIGHT);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        // A streamed cell does not move the comment from the anchor's corner to itself.
        comment.setAddress(cell.getRowIndex(), cell.getColumnIndex());
        cell.setCellComment(comment);
    }
}
