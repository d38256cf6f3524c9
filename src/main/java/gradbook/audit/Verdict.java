package gradbook.audit;

/** The judgement of one entry, or of a whole quantity. */
public enum Verdict {
    MATCH("match"),
    MISMATCH("mismatch"),
    NOT_GIVEN("not-given"),
    /** The cell holds text, a truth value or an error rather than a number: a mismatch. */
    NOT_A_NUMBER("not-a-number"),
    /** The quantity has no value there: an entry the gradient check did not sample. */
    NOT_COMPUTED("not-computed");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The verdict as the reports spell it. */
    public String word() {
        return word;
    }

    /** True for a verdict that makes a quantity wrong. */
    public boolean isWrong() {
        return this == MISMATCH || this == NOT_A_NUMBER;
    }
}
