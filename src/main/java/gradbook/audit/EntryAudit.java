package gradbook.audit;

/**
 * One entry of a hand value beside the computed one.
 *
 * @param row the quantity's row, from 0
 * @param col the quantity's column, from 0
 * @param cell where the hand value is
 * @param hand the hand value, NaN when not given or not a number
 * @param text what the cell holds when it is not a number, else null
 * @param computed the value gradbook computed for this entry
 * @param verdict the judgement of this entry
 */
public record EntryAudit(int row, int col, String cell, double hand, String text,
        double computed, Verdict verdict) {

    /** hand − computed, NaN when there is no hand number. */
    public double difference() {
        return hand - computed;
    }
}
