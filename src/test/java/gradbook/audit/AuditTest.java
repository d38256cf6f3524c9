package gradbook.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Operation;
import gradbook.core.Printed;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

// Issue #3: hand values judged entry by entry, wrong ones with every cause that fits.
class AuditTest {
    private static final Tolerance STANDARD = Tolerance.standard();

    @Test
    void textbook_mode_flags_exactly_the_backward_entries_of_the_document_and_names_causes() {
        // given
        Network example = Networks.workedExample();
        Trace textbook = GradientStep.take(example, Convention.TEXTBOOK);
        Trace notebook = GradientStep.take(example, Convention.NOTEBOOK);

        // when
        Audit audit = Audit.judge(textbook, notebook, printedHands(), STANDARD);

        // then
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("dE_dW_1", List.of("negated+transposed", "notebook"));
        expected.put("dE_db_2", List.of("negated", "notebook"));
        for (String name : List.of("dE_dW_0", "dE_db_1", "W_1_new", "b_2_new", "W_0_new",
                "b_1_new")) {
            expected.put(name, List.of("notebook"));
        }
        assertEquals(13, audit.quantities().size(), "hand values judged");
        for (QuantityAudit q : audit.quantities()) {
            boolean backward = Printed.isBackward(q.name());
            Verdict entryVerdict = backward ? Verdict.MISMATCH : Verdict.MATCH;
            for (EntryAudit e : q.entries()) {
                assertEquals(entryVerdict, e.verdict(), q.name() + "[" + e.row() + "][" + e.col()
                        + "]: hand " + e.hand() + ", computed " + e.computed());
            }
            assertEquals(backward ? Verdict.MISMATCH : Verdict.MATCH, q.verdict(), q.name());
            assertEquals(expected.getOrDefault(q.name(), List.of()), codes(q),
                    "causes of " + q.name());
        }
        assertEquals(5, audit.quantities(Verdict.MATCH));
        assertEquals(8, audit.quantities(Verdict.MISMATCH));
    }

    @Test
    void notebook_mode_matches_every_printed_value_of_the_document() {
        // given
        Network example = Networks.workedExample();
        Trace notebook = GradientStep.take(example, Convention.NOTEBOOK);
        Trace textbook = GradientStep.take(example, Convention.TEXTBOOK);

        // when
        Audit audit = Audit.judge(notebook, textbook, printedHands(), STANDARD);

        // then
        for (QuantityAudit q : audit.quantities()) {
            assertEquals(Verdict.MATCH, q.verdict(), q.name() + ": " + q.explanation());
        }
        assertTrue(audit.allMatch());
        assertEquals(34, audit.entries(Verdict.MATCH), "entries of the 13 printed values");
    }

    @Test
    void a_right_value_of_a_random_network_is_never_flagged() {
        for (long seed = 1; seed <= 60; seed++) {
            // given
            Network net = Networks.random(seed);
            Trace trace = GradientStep.take(net);

            for (Quantity q : judged(trace)) {
                // when
                Audit exact = judge(trace, hand(q.name(), q.value(), false));
                Audit rounded = judge(trace, hand(q.name(), round6(q.value()), false));
                Audit asRow = judge(trace, hand(q.name(), q.value(), !q.isMatrix()));

                // then
                for (Audit a : List.of(exact, rounded, asRow)) {
                    QuantityAudit judged = a.quantities().get(0);
                    assertEquals(Verdict.MATCH, judged.verdict(), "seed " + seed + ", "
                            + q.name() + ": " + judged.explanation());
                    assertEquals(List.of(), judged.causes());
                }
            }
        }
    }

    @Test
    void a_negated_halved_doubled_or_transposed_value_is_recognised_as_such() {
        int squareTransposes = 0;
        int shapeTransposes = 0;
        for (long seed = 1; seed <= 60; seed++) {
            // given
            Network net = Networks.random(seed);
            Trace trace = GradientStep.take(net);

            for (Quantity q : judged(trace)) {
                Matrix C = q.value();
                if (maxAbs(C) < 1e-8) {
                    continue; // every multiple of a value this small matches it
                }
                Map<String, Matrix> made = new LinkedHashMap<>();
                made.put("negated", C.scale(-1));
                made.put("halved", C.scale(0.5));
                made.put("doubled", C.scale(2));
                if (q.isMatrix() && !C.equals(C.transpose())
                        && (C.rows() != C.cols() || !symmetric(C))) {
                    made.put("transposed", C.transpose());
                    if (C.rows() == C.cols()) {
                        squareTransposes++;
                    } else {
                        shapeTransposes++;
                    }
                }
                for (Map.Entry<String, Matrix> m : made.entrySet()) {
                    // when
                    Audit audit = judge(trace, hand(q.name(), m.getValue(), false));

                    // then
                    QuantityAudit judged = audit.quantities().get(0);
                    String what = "seed " + seed + ", " + q.name() + " " + m.getKey();
                    assertEquals(Verdict.MISMATCH, judged.verdict(), what);
                    assertTrue(codes(judged).contains(m.getKey()), what + ": causes were "
                            + codes(judged));
                }
            }
        }
        assertTrue(squareTransposes > 10, "square transposes tried: " + squareTransposes);
        assertTrue(shapeTransposes > 10, "transposed shapes tried: " + shapeTransposes);
    }

    @Test
    void a_slip_in_some_entries_is_named_for_those_entries_when_the_others_are_right() {
        // given: the example's ∂E/∂W₁ with one entry's sign dropped, one entry halved, and one
        // entry plain wrong
        Trace trace = GradientStep.take(Networks.workedExample());
        Matrix C = trace.value("dE_dW_1");
        Map<String, Matrix> slips = new LinkedHashMap<>();
        slips.put("entries:negated", with(C, 0, 1, -C.get(0, 1)));
        slips.put("entries:halved", with(C, 1, 1, C.get(1, 1) / 2));

        for (Map.Entry<String, Matrix> slip : slips.entrySet()) {
            // when
            QuantityAudit judged = judge(trace, hand("dE_dW_1", slip.getValue(), false))
                    .quantities().get(0);

            // then: the slip is named, and the right entries stay right
            assertEquals(List.of(slip.getKey()), codes(judged), slip.getKey());
            assertTrue(judged.explanation().endsWith("in the wrong entries only (the others"
                    + " are right)"), judged.explanation());
            assertEquals(3, judged.entries().stream()
                    .filter(e -> e.verdict() == Verdict.MATCH).count());
        }

        // In a 3 × 3 gradient, two entries swapped across the diagonal are a partial transpose
        // (in a 2 × 2 one they are the whole transpose, named as such).
        Trace three = GradientStep.take(Networks.random(new Random(3), 3, 3, 2));
        Matrix G = three.value("dE_dW_0");
        QuantityAudit swapped = judge(three, hand("dE_dW_0",
                with(with(G, 0, 1, G.get(1, 0)), 1, 0, G.get(0, 1)), false)).quantities().get(0);
        assertEquals(List.of("entries:transposed"), codes(swapped));
        QuantityAudit wrong = judge(trace, hand("dE_dW_1", with(C, 0, 0, 0.123), false))
                .quantities().get(0);
        assertEquals(List.of(), codes(wrong), "a plain wrong number has no cause");
    }

    private static Matrix with(Matrix m, int row, int col, double value) {
        double[][] v = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                v[i][j] = i == row && j == col ? value : m.get(i, j);
            }
        }
        return Matrix.of(v);
    }

    @Test
    void a_value_of_another_quantity_is_named_and_a_partial_value_is_judged_on_its_cells() {
        // given
        Network example = Networks.workedExample();
        Trace trace = GradientStep.take(example);
        List<List<HandCell>> cells = List.of(
                List.of(HandCell.number("A1", trace.value("W_1").get(0, 0)),
                        HandCell.empty("B1")),
                List.of(HandCell.empty("A2"),
                        HandCell.number("B2", trace.value("W_1").get(1, 1))));

        // when
        Audit audit = Audit.judge(trace, null, List.of(new HandValue("W_1_new", cells)),
                STANDARD);

        // then
        QuantityAudit q = audit.quantities().get(0);
        assertEquals(List.of("quantity:W_1", "quantity:dz_1_da_0"), codes(q));
        assertEquals(2, audit.entries(Verdict.NOT_GIVEN));
        assertEquals("the value of W₁ (W_1); or the value of ∂z₁/∂a₀ (dz_1_da_0)",
                q.explanation());
    }

    @Test
    void a_cell_that_is_not_a_number_is_wrong_and_an_empty_hand_value_is_not_given() {
        // given
        Trace trace = GradientStep.take(Networks.workedExample());
        HandValue text = new HandValue("E", List.of(List.of(HandCell.notANumber("C3", "0,62"))));
        HandValue empty = new HandValue("z_0", List.of(List.of(HandCell.empty("C4"),
                HandCell.empty("D4"))));

        // when
        Audit audit = Audit.judge(trace, null, List.of(text, empty), STANDARD);

        // then
        assertEquals(Verdict.NOT_GIVEN, audit.quantities().get(0).verdict(), "z_0 first");
        assertEquals(Verdict.MISMATCH, audit.quantities().get(1).verdict());
        assertEquals(Verdict.NOT_A_NUMBER, audit.quantities().get(1).entries().get(0).verdict());
        assertTrue(!audit.allMatch());
    }

    @Test
    void the_tolerance_accepts_six_digits_as_printed_a_relative_gap_and_tiny_absolute_ones() {
        // given
        Tolerance loose = new Tolerance(1e-3);

        // then
        assertTrue(STANDARD.matches(0.029354, 0.02935396));
        assertTrue(STANDARD.matches(1.000001, 1.0000005));
        assertTrue(STANDARD.matches(5e-10, 0));
        assertTrue(!STANDARD.matches(0.02936, 0.02935396));
        assertTrue(loose.matches(0.02936, 0.02935396));
        assertTrue(!STANDARD.matches(-0.0739498, 0.0739498));
    }

    @Test
    void a_hand_value_of_an_unknown_name_an_input_or_a_wrong_shape_is_refused_with_the_fix() {
        // given
        Trace trace = GradientStep.take(Networks.workedExample());

        // then
        assertEquals("hand_dE_dW_5 names no quantity gradbook computes for this network; use"
                + " hand_ and a name of the glossary, e.g. hand_z_0 or hand_dE_dW_0",
                HandValue.problem(trace, "dE_dW_5", 2, 2));
        assertEquals("hand_W_0: W_0 is read from the template, not computed; give hand values"
                + " for computed quantities only", HandValue.problem(trace, "W_0", 2, 2));
        assertEquals("hand_dE_dW_1 is 2 × 3 but dE_dW_1 is 2 × 2; define hand_dE_dW_1 over"
                + " 2 × 2 (or its transpose, 2 × 2)", HandValue.problem(trace, "dE_dW_1", 2, 3));
        assertEquals("hand_z_1 is 2 × 2 but z_1 is 2 × 1; define hand_z_1 over 2 cells in one"
                + " row or one column", HandValue.problem(trace, "z_1", 2, 2));
    }

    private static Audit judge(Trace trace, HandValue hand) {
        return Audit.judge(trace, null, List.of(hand), STANDARD);
    }

    /** The computed quantities a person could write by hand: all but inputs and checks. */
    private static List<Quantity> judged(Trace trace) {
        return trace.quantities().stream().filter(q -> !q.isInput()
                && q.operation() != Operation.CENTRAL_DIFFERENCE
                && !q.name().startsWith("fd_")).toList();
    }

    private static List<HandValue> printedHands() {
        List<HandValue> hands = new ArrayList<>();
        for (Map.Entry<String, Matrix> p : Printed.values().entrySet()) {
            boolean vector = p.getValue().cols() == 1;
            hands.add(hand(p.getKey(), p.getValue(), vector));
        }
        return hands;
    }

    /** A fully given hand value, laid out as {@code m}, or as a row when {@code asRow}. */
    static HandValue hand(String name, Matrix m, boolean asRow) {
        Matrix laid = asRow ? m.transpose() : m;
        List<List<HandCell>> rows = new ArrayList<>();
        for (int i = 0; i < laid.rows(); i++) {
            List<HandCell> row = new ArrayList<>();
            for (int j = 0; j < laid.cols(); j++) {
                row.add(HandCell.number("R" + (i + 1) + "C" + (j + 1), laid.get(i, j)));
            }
            rows.add(row);
        }
        return new HandValue(name, rows);
    }

    private static List<String> codes(QuantityAudit q) {
        return q.causes().stream().map(Cause::code).toList();
    }

    private static Matrix round6(Matrix m) {
        UnaryOperator<Double> r = v -> new BigDecimal(v).round(new MathContext(6)).doubleValue();
        return m.map(r::apply);
    }

    private static double maxAbs(Matrix m) {
        double max = 0;
        for (double[] row : m.toArray()) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static boolean symmetric(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (!STANDARD.matches(m.get(j, i), m.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
