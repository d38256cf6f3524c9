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
        return position(e, isVector());
    }

    /**
     * Every entry's place, in the order of {@link #entries()}; for a whole quantity, since
     * asking {@link #position} of each entry in turn looks at every entry each time.
     */
    public List<String> positions() {
        boolean vector = isVector();
        return entries.stream().map(e -> position(e, vector)).toList();
    }

    /**
     * The line that stands for a quantity none of whose entries was given, e.g. "all 6
     * entries", and the cells they would be in, e.g. 'Hand Values'!B25:D26: a table of a big
     * layer's empty hand cells one line each says nothing more, and runs to many thousands.
     */
    public String notGivenPosition() {
        return entries.size() == 1 ? position(entries.get(0)) : "all " + entries.size()
                + " entries";
    }

    /** The hand cells as one range, from the first entry's cell to the last's. */
    public String cellRange() {
        if (entries.isEmpty()) {
            return "";
        }
        String first = entries.get(0).cell();
        String last = entries.get(entries.size() - 1).cell();
        if (entries.size() == 1 || first.equals(last)) {
            return first;
        }
        return first + ":" + last.substring(last.lastIndexOf('!') + 1);
    }

    private boolean isVector() {
        return entries.stream().allMatch(x -> x.col() == 0);
    }

    private static String position(EntryAudit e, boolean vector) {
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
