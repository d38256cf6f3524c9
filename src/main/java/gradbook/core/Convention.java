package gradbook.core;

/**
 * Which backward pass a trace follows: the worked example's formulas, or its code.
 *
 * <p>The document's code departs from its formulas in three places (see the package
 * documentation): the sign of ∂E/∂a, the precedence of the first layer's δ and the layout of
 * ∂E/∂W. The notebook convention reproduces those numbers; they are not the gradients of E.
 */
public enum Convention {
    /** The formulas: ∂E/∂a = a − y, δ_k = (W_(k+1) · δ_(k+1)) ∘ S'(z_k), ∂E/∂W = a δᵀ. */
    TEXTBOOK("textbook"),
    /**
     * The document's code: ∂E/∂a₁ = y − a₁, δ₀ = (W₁ · (y − a₁)) ∘ S'(z₁) ∘ S'(z₀),
     * ∂E/∂W = δ aᵀ. Defined only where that code runs: two layers, every width equal, the
     * sigmoid, half_sse and one sample.
     */
    NOTEBOOK("notebook");

    private final String word;

    Convention(String word) {
        this.word = word;
    }

    /** The convention's name as the command line and the workbook spell it. */
    public String word() {
        return word;
    }

    /** Why this convention cannot run {@code net}, as a sentence, or null when it can. */
    public String problem(Network net) {
        if (this == TEXTBOOK) {
            return null;
        }
        if (!net.training().isOneStepOfSgd()) {
            return "the notebook convention is the document's one step of plain gradient"
                    + " descent; this network asks for " + net.training().steps() + " step"
                    + (net.training().steps() == 1 ? "" : "s") + " of "
                    + net.training().optimizer().word() + "; run it with the textbook"
                    + " convention, or set steps to 1 and optimizer to sgd";
        }
        int n = net.x().rows();
        boolean equal = net.layers() == 2;
        for (Matrix W : net.W()) {
            equal &= W.rows() == n && W.cols() == n;
        }
        for (int k = 0; k < net.layers(); k++) {
            if (net.sharedBias(k)) {
                return "the notebook convention is defined only for the document's layout, a"
                        + " bias per unit; b_" + (k + 1) + " is one cell shared by its layer";
            }
        }
        if (equal && net.isDocumentCase()) {
            return null;
        }
        if (equal) {
            return "the notebook convention is defined only for the document's case: the"
                    + " sigmoid on both layers, the loss half_sse and one sample; this network"
                    + " has activation " + String.join(", ", net.activation().stream()
                            .map(Activation::word).toList()) + ", loss " + net.loss().word()
                    + " and " + net.samples() + " sample" + (net.samples() == 1 ? "" : "s");
        }
        StringBuilder widths = new StringBuilder(Integer.toString(n));
        for (Matrix W : net.W()) {
            widths.append(", ").append(W.cols());
        }
        return "the notebook convention is defined only where the document's code runs: two"
                + " layers, with x, a_0 and a_1 of one width; this network has " + net.layers()
                + " layer" + (net.layers() == 1 ? "" : "s") + " of widths " + widths
                + " (x first)";
    }
}
