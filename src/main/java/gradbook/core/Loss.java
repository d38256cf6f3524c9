package gradbook.core;

/**
 * The loss of one sample, ℓ, chosen by the template's name {@code loss}; E is the sum or the
 * mean of ℓ over the samples (see {@link BatchGradient}). The document's is half_sse,
 * ℓ = ½ Σᵢ (aᵢ − yᵢ)². Cross-entropy takes the logarithm of the outputs, so it needs them in
 * (0, 1) and labels in [0, 1]: binary, −Σᵢ [yᵢ ln aᵢ + (1 − yᵢ) ln(1 − aᵢ)], after a sigmoid;
 * categorical, −Σᵢ yᵢ ln aᵢ, after a softmax.
 */
public enum Loss implements Word {
    HALF_SSE("half_sse"),
    SSE("sse"),
    MSE("mse"),
    CROSS_ENTROPY("cross_entropy");

    private final String word;

    Loss(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** The choice a template's word names, case and spaces aside, or null. */
    public static Loss byWord(String word) {
        return Word.find(values(), word);
    }

    /** The allowed words, as messages list them. */
    public static String words() {
        return Word.list(values());
    }

    public boolean isSquared() {
        return this != CROSS_ENTROPY;
    }

    /**
     * Why this loss does not fit a last layer with activation {@code last} and labels
     * {@code y}, as a sentence, or null when it fits.
     */
    public String problem(Activation last, Matrix y) {
        if (isSquared()) {
            return null;
        }
        if (last != Activation.SIGMOID && last != Activation.SOFTMAX) {
            return "cross_entropy takes ln of the outputs, so the last layer's activation must"
                    + " be sigmoid or softmax (outputs in (0, 1)), not " + last.word()
                    + "; use one of those, or a squared loss (half_sse, sse, mse)";
        }
        for (int i = 0; i < y.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                double v = y.get(i, j);
                if (!(v >= 0 && v <= 1)) {
                    return "cross_entropy needs labels in [0, 1], but y has " + v + " (label "
                            + (i + 1) + " of sample " + (j + 1) + "); use labels in [0, 1] or a"
                            + " squared loss";
                }
            }
        }
        return null;
    }

    /** The name of the error term of each output, shown on the Error sheet. */
    public String termName() {
        return isSquared() ? "sq_err" : "ce_err";
    }

    /** The error term of each output; operands a, y. */
    public Operation term(Activation last) {
        if (isSquared()) {
            return Operation.SQUARED_DIFFERENCE;
        }
        return last == Activation.SOFTMAX ? Operation.CROSS_ENTROPY
                : Operation.BINARY_CROSS_ENTROPY;
    }

    /** ℓ's factor before Σᵢ of the terms, for {@code outputs} outputs. */
    public Scale termScale(int outputs) {
        return switch (this) {
            case HALF_SSE -> Scale.of(1, 2);
            case SSE, CROSS_ENTROPY -> Scale.ONE;
            case MSE -> Scale.of(1, outputs);
        };
    }

    /** ∂ℓ/∂a without its factor; operands a, y. */
    public Operation slope(Activation last) {
        if (isSquared()) {
            return Operation.DIFFERENCE;
        }
        return last == Activation.SOFTMAX ? Operation.CROSS_ENTROPY_SLOPE
                : Operation.BINARY_CROSS_ENTROPY_SLOPE;
    }

    /** The factor of ∂ℓ/∂a: the derivative of the term's square brings a 2. */
    public Scale slopeScale(int outputs) {
        return switch (this) {
            case HALF_SSE, CROSS_ENTROPY -> Scale.ONE;
            case SSE -> Scale.of(2, 1);
            case MSE -> Scale.of(2, outputs);
        };
    }

    /** ℓ of one sample in the labels' notation, {@code a} the output's symbol, e.g. a₁. */
    public String notation(Activation last, String a, int outputs) {
        String factor = termScale(outputs).symbol();
        if (isSquared()) {
            return factor + "Σᵢ (" + a + "ᵢ − yᵢ)²";
        }
        return last == Activation.SOFTMAX ? "−Σᵢ yᵢ ln " + a + "ᵢ"
                : "−Σᵢ [yᵢ ln " + a + "ᵢ + (1 − yᵢ) ln(1 − " + a + "ᵢ)]";
    }

    /** The error term of each output in the labels' notation. */
    public String termNotation(Activation last, String a) {
        if (isSquared()) {
            return "(" + a + " − y)²";
        }
        return last == Activation.SOFTMAX ? "−y ∘ ln " + a
                : "−[y ∘ ln " + a + " + (1 − y) ∘ ln(1 − " + a + ")]";
    }

    /** ∂ℓ/∂a without its factor (see {@link #slopeScale}), in the labels' notation. */
    public String slopeNotation(Activation last, String a) {
        if (isSquared()) {
            return a + " − y";
        }
        return last == Activation.SOFTMAX ? "−y / " + a
                : "(" + a + " − y) / (" + a + " ∘ (1 − " + a + "))";
    }
}
