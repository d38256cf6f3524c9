package gradbook.core;

/**
 * The activation a_k = f(z_k) of a layer, chosen per layer by the template's name
 * {@code activation}; the document's is the sigmoid S. Softmax acts on a whole column (one
 * sample) and is allowed on the last layer only, where the loss's ∂E/∂a is carried through its
 * Jacobian in one step (see {@link Operation#SOFTMAX_BACK}).
 */
public enum Activation implements Word {
    SIGMOID("sigmoid", Operation.SIGMOID, Operation.SIGMOID_SLOPE),
    TANH("tanh", Operation.TANH, Operation.TANH_SLOPE),
    RELU("relu", Operation.RELU, Operation.RELU_SLOPE),
    IDENTITY("identity", Operation.IDENTITY, Operation.IDENTITY_SLOPE),
    SOFTMAX("softmax", Operation.SOFTMAX, null);

    private final String word;
    private final Operation forward;
    private final Operation slope;

    Activation(String word, Operation forward, Operation slope) {
        this.word = word;
        this.forward = forward;
        this.slope = slope;
    }

    @Override
    public String word() {
        return word;
    }

    /** a = f(z), entry by entry (softmax: column by column); operand z. */
    public Operation forward() {
        return forward;
    }

    /** ∂a/∂z entry by entry, written from a; null for softmax, whose slope is a Jacobian. */
    public Operation slope() {
        return slope;
    }

    /** True for the functions of one number, which the Activation sheet tabulates. */
    public boolean isElementwise() {
        return this != SOFTMAX;
    }

    /** The choice a template's word names, case and spaces aside, or null. */
    public static Activation byWord(String word) {
        return Word.find(values(), word);
    }

    /** The allowed words, as messages list them. */
    public static String words() {
        return Word.list(values());
    }

    /** f applied to {@code z} in the document's notation: S(z₀), tanh(z₀), max(0, z₀), z₀. */
    public String of(String z) {
        return switch (this) {
            case SIGMOID -> "S(" + z + ")";
            case TANH -> "tanh(" + z + ")";
            case RELU -> "max(0, " + z + ")";
            case IDENTITY -> z;
            case SOFTMAX -> "softmax(" + z + ")";
        };
    }

    /** ∂a/∂z in the notation of the labels, from a = f(z); null for softmax. */
    public String slopeOf(String a, String z) {
        return switch (this) {
            case SIGMOID -> "S(" + z + ") ∘ (1 − S(" + z + "))";
            case TANH -> "1 − " + a + "²";
            case RELU -> "1 where " + z + " > 0, else 0";
            case IDENTITY -> "1";
            case SOFTMAX -> null;
        };
    }

    /** The function over [−10, 10] in words, for the Activation sheet and its chart. */
    public String formula() {
        return switch (this) {
            case SIGMOID -> "S(x) = 1 / (1 + e^−x)";
            case TANH -> "tanh(x) = (e^x − e^−x) / (e^x + e^−x)";
            case RELU -> "relu(x) = max(0, x)";
            case IDENTITY -> "identity(x) = x";
            case SOFTMAX -> "softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ";
        };
    }

    /** The short name of f as the table's headers write it: S, tanh, relu, identity. */
    public String symbol() {
        return this == SIGMOID ? "S" : word;
    }
}
