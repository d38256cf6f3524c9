package gradbook.core;

import java.util.Arrays;
import java.util.Locale;

/** A choice a template names by one word, such as the activation {@code tanh}. */
public interface Word {
    /** The word a template writes for it. */
    String word();

    /** The choice among {@code choices} that {@code word} names, case and spaces aside, or null. */
    static <T extends Word> T find(T[] choices, String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(choices).filter(c -> c.word().equals(w)).findFirst().orElse(null);
    }

    /** The words of {@code choices}, as messages list them. */
    static String list(Word[] choices) {
        return String.join(", ", Arrays.stream(choices).map(Word::word).toList());
    }
}
