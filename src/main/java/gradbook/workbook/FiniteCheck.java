package gradbook.workbook;

import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import org.apache.poi.ss.util.CellReference;

/**
 * Refuses a gradient step whose numbers left double precision: a cell cannot hold an infinite
 * number or NaN, and a workbook full of them explains nothing. The message names the first
 * quantity that overflowed, in the document's order, and the largest number of the template,
 * or, under cross-entropy, the output that saturated.
 * The entries the gradient check leaves out are NaN on purpose and pass.
 */
final class FiniteCheck {
    private FiniteCheck() {
    }

    static void check(Template template, Trace trace) throws TemplateException {
        for (Quantity q : trace.quantities()) {
            Matrix v = q.value();
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    if (!Double.isFinite(v.get(i, j)) && !unchecked(trace, q, i, j)
                            && saturated(template, q)) {
                        throw new TemplateException(template.fileName() + ": " + q.name()
                                + " entry (" + (i + 1) + ", " + (j + 1) + ") is " + v.get(i, j)
                                + ": under cross_entropy an output of the last layer is exactly"
                                + " 0 or 1 in double precision where its label is not, so ln a"
                                + " or its slope is infinite; use smaller weights or inputs, or"
                                + " a squared loss");
                    }
                    if (!Double.isFinite(v.get(i, j)) && !unchecked(trace, q, i, j)) {
                        throw new TemplateException(template.fileName() + ": " + q.name()
                                + " entry (" + (i + 1) + ", " + (j + 1) + ") is " + v.get(i, j)
                                + ": the template's numbers are too large for one step in"
                                + " double precision (the largest is " + largest(template, trace)
                                + "); use smaller values");
                    }
                }
            }
        }
    }

    // Cross-entropy's term and slope are infinite where a sigmoid or softmax output has
    // rounded to exactly 0 or 1, which happens with |z| near 40, far below an overflow.
    private static boolean saturated(Template template, Quantity q) {
        return template.network().loss() == Loss.CROSS_ENTROPY
                && (q.name().equals(Loss.CROSS_ENTROPY.termName())
                        || q.name().startsWith("dE_da_"));
    }

    // An entry the gradient check did not sample is NaN by design, in fd_… and in fd_diff_…
    // computed from it, and the workbook leaves it blank; an overflow in a sampled one is not.
    private static boolean unchecked(Trace trace, Quantity q, int i, int j) {
        Quantity fd = q.operation() == Operation.CENTRAL_DIFFERENCE ? q : null;
        for (String operand : q.operands()) {
            if (trace.get(operand).operation() == Operation.CENTRAL_DIFFERENCE) {
                fd = trace.get(operand);
            }
        }
        if (fd == null || !Double.isNaN(q.value().get(i, j))) {
            return false;
        }
        String parameter = fd.operands().get(0);
        return trace.probes().stream().noneMatch(
                p -> p.parameter().equals(parameter) && p.i() == i && p.j() == j);
    }

    private static String largest(Template template, Trace trace) {
        double max = -1;
        String where = "";
        for (Quantity q : trace.quantities()) {
            InputArea area = template.inputs().get(q.name());
            if (!q.isInput() || area == null) {
                continue;
            }
            for (int i = 0; i < q.value().rows(); i++) {
                for (int j = 0; j < q.value().cols(); j++) {
                    double a = Math.abs(q.value().get(i, j));
                    if (a > max) {
                        max = a;
                        where = q.value().get(i, j) + " in " + (area.holdsValue() ? area.where()
                                : "sheet " + area.sheet() + ", cell " + plain(area.cell(i, j))
                                        + " (range " + q.name() + ")");
                    }
                }
            }
        }
        return where;
    }

    private static String plain(CellReference cell) {
        return new CellReference(cell.getRow(), cell.getCol()).formatAsString();
    }
}
