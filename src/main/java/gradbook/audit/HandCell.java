package gradbook.audit;

/**
 * One cell of a person's hand value as read: a number, an empty cell (not given) or something
 * that is not a number.
 *
 * @param cell where the cell is, as a person finds it, e.g. {@code Hand Values!B5}
 * @param value the number, or NaN when the cell is empty or holds no number
 * @param text what the cell holds when it is not empty and not a number, else null
 */
public record HandCell(String cell, double value, String text) {
    public static HandCell number(String cell, double value) {
        return new HandCell(cell, value, null);
    }

    public static HandCell empty(String cell) {
        return new HandCell(cell, Double.NaN, null);
    }

    public static HandCell notANumber(String cell, String text) {
        return new HandCell(cell, Double.NaN, text);
    }

    public boolean isGiven() {
        return !Double.isNaN(value) || text != null;
    }

    public boolean isNumber() {
        return !Double.isNaN(value);
    }
}
