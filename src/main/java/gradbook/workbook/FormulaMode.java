package gradbook.workbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many formula twins a workbook gets ({@code --formulas}): every one, every one up to a
 * size (see {@link TwinCoverage}), or none.
 */
public enum FormulaMode {
    /** Every entry of every quantity beside its formula twin and their difference. */
    ALL("all"),
    /** As ALL up to {@link TwinCoverage#LIMIT} entries a quantity; beyond, a documented sample. */
    AUTO("auto"),
    /** The Java values only, with their names and labels. */
    NONE("none");

    /** The most entries a quantity may have and still get every twin under auto. */
    public static final int AUTO_LIMIT = 10_000;

    private final String word;

    FormulaMode(String word) {
        this.word = word;
    }

    /** The mode as the command line and the workbook's properties spell it. */
    public String word() {
        return word;
    }

    /** The mode spelled {@code word} (any case), or null when there is none. */
    public static FormulaMode byWord(String word) {
        for (FormulaMode m : values()) {
            if (m.word.equals(word.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }

    /** The words, for a message: "all, auto, none". */
    public static String words() {
        return Arrays.stream(values()).map(FormulaMode::word).collect(Collectors.joining(", "));
    }
}
