package gradbook.audit;

/**
 * A recognised reason why a hand value is wrong, judged for the whole quantity, or for its
 * wrong entries when nothing fits the whole.
 *
 * @param code a stable key for programs: {@code negated}, {@code halved}, {@code doubled},
 *     {@code transposed} and their combinations joined by {@code +} (e.g.
 *     {@code negated+transposed}); {@code transposed-shape}; {@code notebook} or
 *     {@code textbook} (the other convention's value); {@code quantity:NAME} (another
 *     quantity's value); {@code entries:} before a code of the first kind when it fits only
 *     the wrong entries while the others are right (e.g. {@code entries:negated})
 * @param text the same in plain words
 */
public record Cause(String code, String text) {
}
