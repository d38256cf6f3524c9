package gradbook.workbook;

import gradbook.core.Activation;
import gradbook.core.GradientCheck;
import gradbook.core.GradientCheck.Pass;
import gradbook.core.GradientCheck.Probe;
import gradbook.core.GradientStep;
import gradbook.core.Loss;
import gradbook.core.Network;
import gradbook.core.Scale;
import gradbook.core.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.poi.ss.util.CellReference;

/**
 * The Gradient Check sheet: for each checked entry of a parameter, the forward pass run again
 * with the entry moved by +h and by −h, written as formulas over the template's cells and the
 * formula twins, so that the central differences fd_… can be recomputed without gradbook.
 *
 * <p>Each probe takes two columns (+h, −h); rows hold E, then z and a of each layer, sample by
 * sample, so that a pass's a of one sample is a column like W's, as SUMPRODUCT needs. A pass
 * starts at the moved parameter's layer and reads the layers before it from their twins, so
 * rows above that layer stay blank. The move is added to z as h · a_(k−1)[i] (a weight) or h (a
 * bias, to every unit when the layer shares one), in every sample, since a formula cannot
 * change one cell of the range that SUMPRODUCT reads. Under weight_layout out_by_in a
 * probe's W₀[r,c] counts r and c as the template's W_0 has them. A sheet of many probes
 * prints {@value #PROBES_PER_PAGE} of them per page across, beside the repeated row labels.
 */
final class GradientCheckSheet {
    static final String NAME = "Gradient Check";
    /** Probes printed side by side on one page: 8 columns of numbers and the labels. */
    static final int PROBES_PER_PAGE = 4;
    private static final int H_ROW = 2;
    private static final int HEADER_ROW = 8;
    /** Row of E(p ± h); z and a of layer 0 follow. */
    private static final int E_ROW = HEADER_ROW + 2;

    private final Trace trace;
    private final Network network;
    private final Map<String, Placement> placements;
    private final Map<String, Integer> columnOf = new HashMap<>();
    /** The first row of z (and of a) of layer m, sample s: zRow[m][s]. */
    private final int[][] zRow;
    private final int[][] aRow;
    private final int samples;
    /** False under --formulas none: the passes are written as Java's values. */
    private final boolean formulas;

    GradientCheckSheet(Trace trace, Network network, Map<String, Placement> placements,
            boolean formulas) {
        this.trace = trace;
        this.network = network;
        this.placements = placements;
        this.formulas = formulas;
        List<Probe> probes = trace.probes();
        for (int n = 0; n < probes.size(); n++) {
            Probe p = probes.get(n);
            columnOf.put(key(p.parameter(), p.i(), p.j()), 1 + 2 * n);
        }
        int layers = network.layers();
        samples = network.samples();
        zRow = new int[layers][samples];
        aRow = new int[layers][samples];
        int row = E_ROW + 1;
        for (int m = 0; m < layers; m++) {
            int width = network.W().get(m).cols();
            for (int s = 0; s < samples; s++) {
                zRow[m][s] = row + s * width;
                aRow[m][s] = row + (samples + s) * width;
            }
            row += 2 * samples * width;
        }
    }

    /** The twin of entry (i, j) of fd_… for {@code parameter}, or null when not checked. */
    String estimate(String host, String parameter, int i, int j) {
        Integer col = columnOf.get(key(parameter, i, j));
        if (col == null) {
            return null;
        }
        return "(" + cell(host, E_ROW, col) + "-" + cell(host, E_ROW, col + 1) + ")/(2*"
                + References.from(host, new CellReference(NAME, H_ROW, 1, true, true)) + ")";
    }

    void write(GeneratedSheet sheet, Styles styles) throws IOException {
        WorkbookWriter.text(sheet, 0, 0, "Gradient Check", styles.title);
        WorkbookWriter.text(sheet, H_ROW, 0, "h", styles.label);
        WorkbookWriter.number(sheet, new CellReference(H_ROW, 1), GradientCheck.H,
                styles.number(GradientCheck.H));
        List<String> notes = List.of(
                "Each checked entry p of a parameter is moved by +h and by −h, and the forward"
                        + " pass is run again below " + (formulas ? "as formulas over the"
                        + " template's cells." : "as computed in Java (--formulas none: no"
                        + " formulas)."),
                "fd_… on the Derivatives sheet is (E(p + h) − E(p − h)) / 2h; fd_diff_… is its"
                        + " difference from the backprop value, near 1e-10 when both are right.",
                (formulas ? "Change h above and every estimate follows. " : "") + sampling(),
                "A column's pass starts at the moved parameter's layer; the layers before it"
                        + " are those of the layer sheets.");
        for (int n = 0; n < notes.size(); n++) {
            WorkbookWriter.text(sheet, H_ROW + 1 + n, 0, notes.get(n), null);
        }
        List<Probe> probes = trace.probes();
        for (Probe p : probes) {
            WorkbookWriter.text(sheet, HEADER_ROW, column(p), symbol(p), styles.label);
        }
        for (Probe p : probes) {
            WorkbookWriter.text(sheet, HEADER_ROW + 1, column(p), "+h", styles.header);
            WorkbookWriter.text(sheet, HEADER_ROW + 1, column(p) + 1, "−h", styles.header);
        }
        writePasses(sheet, styles, probes);
        sheet.sheet().setColumnWidth(0, 14 * 256);
        for (int c = 1; c <= 2 * probes.size(); c++) {
            sheet.sheet().setColumnWidth(c, 13 * 256);
        }
        PrintLayout.apply(sheet, E_ROW, false, pageStarts(probes.size()));
        sheet.finish();
    }

    private String sampling() {
        long checked = trace.probes().size();
        int total = GradientCheck.parameterCount(network);
        return total <= GradientCheck.FULL_CHECK_LIMIT
                ? "Every entry of every parameter is checked (" + checked + " entries)."
                : "The network has " + total + " parameters, more than "
                        + GradientCheck.FULL_CHECK_LIMIT + ", so each parameter with more than "
                        + GradientCheck.SAMPLE_SIZE + " entries has " + GradientCheck.SAMPLE_SIZE
                        + " of them checked, drawn with seed " + GradientCheck.SEED + " ("
                        + checked + " entries in all).";
    }

    // Row by row down the sheet, as it is streamed: E(p ± h) of every probe, then z and a of
    // each layer, sample by sample, each row across the probes whose pass reaches the layer.
    private void writePasses(GeneratedSheet sheet, Styles styles, List<Probe> probes) {
        WorkbookWriter.text(sheet, E_ROW, 0, "E(p ± h)", styles.label);
        for (Probe p : probes) {
            for (int minus = 0; minus <= 1; minus++) {
                Pass pass = minus == 0 ? p.plus() : p.minus();
                int col = column(p) + minus;
                put(sheet, new CellReference(E_ROW, col), () -> loss(col), pass.E(), styles);
            }
        }
        for (int m = 0; m < zRow.length; m++) {
            for (int s = 0; s < samples; s++) {
                for (int u = 0; u < width(m); u++) {
                    writeRow(sheet, styles, probes, m, s, u, true);
                }
            }
            for (int s = 0; s < samples; s++) {
                for (int u = 0; u < width(m); u++) {
                    writeRow(sheet, styles, probes, m, s, u, false);
                }
            }
        }
    }

    // z (or a) of unit u of layer m, sample s, across the probes: the pass of a probe
    // starts at the moved parameter's layer, so the columns of a later layer's probe stay
    // blank above it.
    private void writeRow(GeneratedSheet sheet, Styles styles, List<Probe> probes, int m,
            int s, int u, boolean z) {
        int row = (z ? zRow : aRow)[m][s] + u;
        String entry = GradientStep.sub(m) + "[" + (u + 1)
                + (samples == 1 ? "" : "," + (s + 1)) + "]";
        WorkbookWriter.text(sheet, row, 0, (z ? "z" : "a") + entry, null);
        for (Probe p : probes) {
            if (m < p.layer()) {
                continue;
            }
            for (int minus = 0; minus <= 1; minus++) {
                Pass pass = minus == 0 ? p.plus() : p.minus();
                int col = column(p) + minus;
                double v = (z ? pass.z() : pass.a()).get(m - p.layer()).get(u, s);
                String sign = minus == 0 ? "+" : "-";
                put(sheet, new CellReference(row, col), () -> z ? affine(p, m, u, s, col, sign)
                        : activation(m, u, s, col), v, styles);
            }
        }
    }

    // a_m[u] from this column's z of layer m, sample s.
    private String activation(int m, int u, int s, int col) {
        Activation f = network.activation().get(m);
        if (f != Activation.SOFTMAX) {
            return Formulas.elementwise(f.forward(), local(zRow[m][s] + u, col));
        }
        List<String> zCells = new ArrayList<>();
        for (int v = 0; v < width(m); v++) {
            zCells.add(local(zRow[m][s] + v, col));
        }
        return Formulas.softmax(zCells, u, column(zRow[m][s], m, col));
    }

    // A formula with Java's value cached, or under --formulas none that value alone.
    // The formula is only made when it is written.
    private void put(GeneratedSheet sheet, CellReference at, Supplier<String> formula,
            double value, Styles styles) {
        if (formulas) {
            WorkbookWriter.formula(sheet, at, formula.get(), value, styles.number(value));
        } else {
            WorkbookWriter.number(sheet, at, value, styles.number(value));
        }
    }

    // E from the last layer's a in this column, as the Error sheet's E computes it: each
    // sample's squared errors by SUMXMY2, or its cross-entropy terms one by one.
    private String loss(int col) {
        int last = zRow.length - 1;
        Placement y = placements.get("y");
        Loss loss = network.loss();
        StringJoiner sum = new StringJoiner("+");
        for (int s = 0; s < samples; s++) {
            if (loss.isSquared()) {
                sum.add("SUMXMY2(" + column(aRow[last][s], last, col) + ","
                        + y.twinRange(NAME, 0, y.rows() - 1, s, s) + ")");
                continue;
            }
            for (int u = 0; u < width(last); u++) {
                sum.add(Formulas.lossTerm(loss.term(network.lastActivation()),
                        local(aRow[last][s] + u, col), References.from(NAME, y.twin(u, s))));
            }
        }
        Scale scale = loss.termScale(y.rows()).times(network.batch().scale(samples));
        return scale.isOne() ? sum.toString() : Formulas.scaled(scale, sum.toString());
    }

    // z_m[u] = Σ_r W_m[r][u] a[r] + b[u] for sample s, with a the twin of a_(m−1) (x) on the
    // moved layer and this column's own a_(m−1) after it; the moved layer adds the move.
    private String affine(Probe p, int m, int u, int s, int col, String sign) {
        Placement W = placements.get("W_" + m);
        Placement before = placements.get(m == 0 ? "x" : "a_" + (m - 1));
        boolean moved = m == p.layer();
        String a = moved ? before.twinRange(NAME, 0, before.rows() - 1, s, s)
                : column(aRow[m - 1][s], m - 1, col);
        IntFunction<String> cells = r -> moved ? References.from(NAME, before.twin(r, s))
                : local(aRow[m - 1][s] + r, col);
        boolean shared = network.sharedBias(m);
        String b = References.from(NAME, placements.get("b_" + (m + 1)).twin(shared ? 0 : u, 0));
        String z = Formulas.weighted(W, NAME, u, cells, a) + "+" + b;
        String h = "$B$" + (H_ROW + 1);
        if (m != p.layer()) {
            return z;
        }
        if (p.parameter().startsWith("W_") && u == p.j()) {
            return z + sign + h + "*" + References.from(NAME, before.twin(p.i(), s));
        }
        if (p.parameter().startsWith("b_") && (u == p.i() || shared)) {
            return z + sign + h;
        }
        return z;
    }

    // The cells of layer m's width from {@code first} down, in this column.
    private String column(int first, int m, int col) {
        return local(first, col) + ":" + local(first + width(m) - 1, col);
    }

    // The first column of every PROBES_PER_PAGE-th probe after the first page's, where a sheet
    // too wide for one page is split.
    private static List<Integer> pageStarts(int probes) {
        List<Integer> starts = new ArrayList<>();
        for (int n = PROBES_PER_PAGE; n < probes; n += PROBES_PER_PAGE) {
            starts.add(1 + 2 * n);
        }
        return starts;
    }

    // The first of the probe's two columns, +h; −h is the next.
    private int column(Probe p) {
        return columnOf.get(key(p.parameter(), p.i(), p.j()));
    }

    private int width(int m) {
        return network.W().get(m).cols();
    }

    private static String cell(String host, int row, int col) {
        return References.from(host, new CellReference(NAME, row, col, false, false));
    }

    private static String local(int row, int col) {
        return new CellReference(row, col).formatAsString();
    }

    // The moved entry in the template's layout: W₀[r,c] counts r and c as its W_0 is shown.
    private String symbol(Probe p) {
        if (!placements.get(p.parameter()).transposed()) {
            return p.symbol();
        }
        return "W" + GradientStep.sub(p.layer()) + "[" + (p.j() + 1) + "," + (p.i() + 1) + "]";
    }

    private static String key(String parameter, int i, int j) {
        return parameter + "[" + i + "][" + j + "]";
    }
}
