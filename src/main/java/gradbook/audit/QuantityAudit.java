package gradbook.audit;

import java.util.List;

/**
 * The judgement of one hand value: each entry, and for a wrong one every recognised cause.
 *
 * @param name the quantity's name
 * @param notation the quantity's label in the document's notation
 * @param writtenTransposed true when the hand value has the transposed shape of a matrix
 * @param entries every cell, given or not, in the quantity's order
 * @param verdict MATCH, MISMATCH or NOT_GIVEN for the quantity as a whole
 * @param causes the causes that fit every given entry; empty unless MISMATCH
 */
public record QuantityAudit(String name, String notation, boolean writtenTransposed,
        List<EntryAudit> entries, Verdict verdict, List<Cause> causes) {

    public QuantityAudit {
        entries = List.copyOf(entries);
        causes = List.copyOf(causes);
    }

    /** The entry's place counted from 1, as people write it: [2, 1] in a matrix, [2] else. */
    public String position(EntryAudit e) {
        boolean vector = entries.stream().allMatch(x -> x.col() == 0);
        return vector ? "[" + (e.row() + 1) + "]"
                : "[" + (e.row() + 1) + ", " + (e.col() + 1) + "]";
    }

    /** The causes in words, or what is left to say when none fits. */
    public String explanation() {
        if (verdict != Verdict.MISMATCH) {
            return "";
        }
        if (causes.isEmpty()) {
            return "no recognised cause";
        }
        return String.join("; or ", causes.stream().map(Cause::text).toList());
    }
}
