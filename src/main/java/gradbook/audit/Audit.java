package gradbook.audit;

import gradbook.core.Convention;
import gradbook.core.Matrix;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judges a person's hand values against a traced gradient step, entry by entry, and names the
 * causes of a wrong value, judged for the whole quantity: the opposite sign, the transpose, a
 * factor ½ or 2 too many or too few (alone or together), the other convention's value, or the
 * value of another quantity. Every cause that fits every given entry is listed; where none
 * does and some entries are right, the slips that fit the wrong entries alone are named as
 * theirs (a sign dropped in one entry).
 *
 * @param convention the convention of the trace judged against
 * @param tolerance the matching rule
 * @param quantities one judgement per hand value, in the trace's order
 */
public record Audit(Convention convention, Tolerance tolerance, List<QuantityAudit> quantities) {
    /** The factors tried, the identity first; a cause pairs one with a transpose or not. */
    private static final double[] FACTORS = {1, -1, 0.5, -0.5, 2, -2};

    public Audit {
        quantities = List.copyOf(quantities);
    }

    /**
     * Judges {@code hands} against {@code trace}. {@code other} is the same step under the other
     * convention, or null where that convention is not defined; its value is a recognised cause.
     *
     * @throws IllegalArgumentException if a hand value fails {@link HandValue#problem}
     */
    public static Audit judge(Trace trace, Trace other, List<HandValue> hands,
            Tolerance tolerance) {
        List<String> order = trace.quantities().stream().map(Quantity::name).toList();
        List<QuantityAudit> judged = new ArrayList<>();
        for (HandValue hand : hands.stream()
                .sorted(Comparator.comparingInt(h -> order.indexOf(h.name()))).toList()) {
            String problem = HandValue.problem(trace, hand.name(), hand.rows(), hand.cols());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            judged.add(new Judge(trace, other, hand, tolerance).judge());
        }
        return new Audit(trace.convention(), tolerance, judged);
    }

    /** True when every given hand entry matches (also when none is given). */
    public boolean allMatch() {
        return quantities.stream().noneMatch(q -> q.verdict() == Verdict.MISMATCH);
    }

    /** How many entries have {@code verdict}. */
    public long entries(Verdict verdict) {
        return quantities.stream().flatMap(q -> q.entries().stream())
                .filter(e -> e.verdict() == verdict).count();
    }

    /** How many quantities have {@code verdict}. */
    public long quantities(Verdict verdict) {
        return quantities.stream().filter(q -> q.verdict() == verdict).count();
    }

    /** One hand value against its quantity. */
    private static final class Judge {
        private final Trace trace;
        private final Trace other;
        private final HandValue hand;
        private final Tolerance tolerance;
        private final Quantity q;
        private final Layout layout;
        private final List<EntryAudit> entries = new ArrayList<>();

        Judge(Trace trace, Trace other, HandValue hand, Tolerance tolerance) {
            this.trace = trace;
            this.other = other;
            this.hand = hand;
            this.tolerance = tolerance;
            this.q = trace.get(hand.name());
            this.layout = Layout.of(q, hand.rows(), hand.cols());
        }

        QuantityAudit judge() {
            for (int r = 0; r < hand.rows(); r++) {
                for (int c = 0; c < hand.cols(); c++) {
                    entries.add(entry(hand.cells().get(r).get(c), layout.row(r, c),
                            layout.col(r, c)));
                }
            }
            entries.sort(Comparator.comparingInt(EntryAudit::row)
                    .thenComparingInt(EntryAudit::col));
            boolean transposed = layout == Layout.TRANSPOSED;
            if (entries.stream().noneMatch(e -> e.verdict().isWrong()
                    || e.verdict() == Verdict.MATCH)) {
                return new QuantityAudit(q.name(), q.notation(), transposed, entries,
                        Verdict.NOT_GIVEN, List.of());
            }
            if (entries.stream().noneMatch(e -> e.verdict().isWrong())) {
                return new QuantityAudit(q.name(), q.notation(), transposed, entries,
                        Verdict.MATCH, List.of());
            }
            return new QuantityAudit(q.name(), q.notation(), transposed, entries,
                    Verdict.MISMATCH, causes());
        }

        private EntryAudit entry(HandCell cell, int i, int j) {
            double computed = q.value().get(i, j);
            Verdict verdict;
            if (!cell.isGiven()) {
                verdict = Verdict.NOT_GIVEN;
            } else if (Double.isNaN(computed)) {
                verdict = Verdict.NOT_COMPUTED;
            } else if (!cell.isNumber()) {
                verdict = Verdict.NOT_A_NUMBER;
            } else if (layout != Layout.TRANSPOSED
                    && tolerance.matches(cell.value(), computed)) {
                verdict = Verdict.MATCH;
            } else {
                verdict = Verdict.MISMATCH;
            }
            return new EntryAudit(i, j, cell.cell(), cell.value(), cell.text(), computed,
                    verdict);
        }

        // Entries are in the quantity's coordinates, so for a hand value of the transposed
        // shape the plain multiples of the value are the transposed causes.
        private List<Cause> causes() {
            Matrix C = q.value();
            List<Cause> causes = new ArrayList<>();
            boolean square = q.isMatrix() && C.rows() == C.cols();
            boolean symmetric = square && equalsComputed(C, true);
            for (double f : FACTORS) {
                if (layout == Layout.TRANSPOSED) {
                    addIfFits(causes, self(f, true), (i, j) -> f * C.get(i, j));
                } else if (f != 1) {
                    addIfFits(causes, self(f, false), (i, j) -> f * C.get(i, j));
                }
            }
            if (square && !symmetric) {
                for (double f : FACTORS) {
                    addIfFits(causes, self(f, true), (i, j) -> f * C.get(j, i));
                }
            }
            if (layout == Layout.TRANSPOSED && causes.isEmpty()) {
                causes.add(new Cause("transposed-shape", "written " + hand.rows() + " × "
                        + hand.cols() + " where " + q.name() + " is " + C.shape()
                        + ", and no other cause fits"));
            }
            otherConvention(causes);
            otherQuantities(causes);
            if (causes.isEmpty()) {
                wrongEntriesAlone(causes);
            }
            return causes;
        }

        // A slip in one entry (a sign dropped in one product) fits no cause of the whole
        // quantity, since the other entries are right; judged on the wrong entries alone, the
        // same slips are recognised and said to be theirs.
        private void wrongEntriesAlone(List<Cause> causes) {
            if (entries.stream().noneMatch(e -> e.verdict() == Verdict.MATCH)) {
                return; // every given entry is wrong: the causes above were judged on them all
            }
            Matrix C = q.value();
            // A transpose moves only the entries off the diagonal.
            boolean square = q.isMatrix() && C.rows() == C.cols() && entries.stream()
                    .anyMatch(e -> e.verdict() == Verdict.MISMATCH && e.row() != e.col());
            List<Cause> found = new ArrayList<>();
            for (double f : FACTORS) {
                if (f != 1) {
                    addIfFits(found, self(f, false), (i, j) -> f * C.get(i, j), false);
                }
                if (square) {
                    addIfFits(found, self(f, true), (i, j) -> f * C.get(j, i), false);
                }
            }
            for (Cause cause : found) {
                causes.add(new Cause("entries:" + cause.code(), cause.text()
                        + ", in the wrong entries only (the others are right)"));
            }
        }

        private void otherConvention(List<Cause> causes) {
            if (other == null || layout == Layout.TRANSPOSED || !other.has(q.name())) {
                return;
            }
            Matrix N = other.value(q.name());
            if (!N.sameShape(q.value()) || equalsComputed(N, false)) {
                return;
            }
            String word = other.convention().word();
            addIfFits(causes, new Cause(word, "the " + word + " convention's value (the"
                    + " document's " + (other.convention() == Convention.NOTEBOOK ? "code)"
                    : "formulas)")), N::get);
        }

        private void otherQuantities(List<Cause> causes) {
            boolean transposed = layout == Layout.TRANSPOSED;
            for (Quantity o : trace.quantities()) {
                Matrix O = o.value();
                boolean fitsShape = transposed
                        ? O.rows() == q.value().cols() && O.cols() == q.value().rows()
                        : O.sameShape(q.value());
                if (o == q || !fitsShape || isCheck(o) || equalsComputed(O, transposed)) {
                    continue;
                }
                String symbol = o.notation().split(" = ")[0];
                addIfFits(causes, new Cause("quantity:" + o.name(), "the value of " + symbol
                        + " (" + o.name() + ")"), transposed ? (i, j) -> O.get(j, i) : O::get);
            }
        }

        private static boolean isCheck(Quantity o) {
            return o.operation() == Operation.CENTRAL_DIFFERENCE || o.name().startsWith("fd_");
        }

        // A value that equals the right one at every entry is no cause of a wrong value.
        private boolean equalsComputed(Matrix m, boolean transposed) {
            Matrix C = q.value();
            for (int i = 0; i < C.rows(); i++) {
                for (int j = 0; j < C.cols(); j++) {
                    double v = transposed ? m.get(j, i) : m.get(i, j);
                    if (!tolerance.matches(v, C.get(i, j))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void addIfFits(List<Cause> causes, Cause cause, IntToDouble candidate) {
            addIfFits(causes, cause, candidate, true);
        }

        // The cause fits when the candidate matches every given entry, or with {@code
        // matching} false every wrong one.
        private void addIfFits(List<Cause> causes, Cause cause, IntToDouble candidate,
                boolean matching) {
            boolean any = false;
            for (EntryAudit e : entries) {
                if ((matching && e.verdict() == Verdict.MATCH)
                        || e.verdict() == Verdict.MISMATCH) {
                    any = true;
                    if (!tolerance.matches(e.hand(), candidate.at(e.row(), e.col()))) {
                        return;
                    }
                }
            }
            if (any) {
                causes.add(cause);
            }
        }

        private Cause self(double f, boolean transposed) {
            List<String> codes = new ArrayList<>();
            List<String> words = new ArrayList<>();
            if (f < 0) {
                codes.add("negated");
                words.add("with the opposite sign");
            }
            if (Math.abs(f) == 0.5) {
                codes.add("halved");
                words.add("halved (a factor ½ too many, or a 2 missing)");
            }
            if (Math.abs(f) == 2) {
                codes.add("doubled");
                words.add("doubled (a factor 2 too many, or a ½ missing)");
            }
            if (transposed) {
                codes.add("transposed");
                words.add(layout == Layout.TRANSPOSED
                        ? "transposed (written " + hand.rows() + " × " + hand.cols() + " where "
                                + q.name() + " is " + q.value().shape() + ")"
                        : "transposed");
            }
            return new Cause(String.join("+", codes), "the right value " + String.join(", ",
                    words));
        }
    }

    @FunctionalInterface
    private interface IntToDouble {
        double at(int i, int j);
    }
}
