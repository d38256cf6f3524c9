package gradbook.audit;

/**
 * A recognised reason why a hand value is wrong, judged for the whole quantity.
 *
 * @param code a stable key for programs: {@code negated}, {@code halved}, {@code doubled},
 *     {@code transposed} and their combinations joined by {@code +} (e.g.
 *     {@code negated+transposed}); {@code transposed-shape}; {@code notebook} or
 *     {@code textbook} (the other convention's value); {@code quantity:NAME} (another
 *     quantity's value)
 * @param text the same in plain words
 */
public record Cause(String code, String text) {
}
