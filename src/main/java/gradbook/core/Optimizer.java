package gradbook.core;

/**
 * The rule each step of a training run applies, chosen by the template's name {@code
 * optimizer}: plain gradient descent (the document's step, the default), momentum, RMSprop or
 * Adam. With g = ∂E/∂P at the step's parameters P, t the step's number from 1, and every state
 * starting at 0:
 *
 * <ul>
 *   <li>sgd: P ← P − η g;</li>
 *   <li>momentum: v ← β v + g, P ← P − η v (β = {@code momentum});</li>
 *   <li>rmsprop: s ← ρ s + (1 − ρ) g², P ← P − η g / (√s + ε) (ρ = {@code rho});</li>
 *   <li>adam: m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², m̂ = m / (1 − β₁ᵗ),
 *       v̂ = v / (1 − β₂ᵗ), P ← P − η m̂ / (√v̂ + ε).</li>
 * </ul>
 *
 * Squares, roots and quotients are entry by entry.
 */
public enum Optimizer implements Word {
    SGD("sgd"),
    MOMENTUM("momentum"),
    RMSPROP("rmsprop"),
    ADAM("adam");

    private final String word;

    Optimizer(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    public static Optimizer byWord(String word) {
        return Word.find(values(), word);
    }

    /** The allowed words, as messages list them. */
    public static String words() {
        return Word.list(values());
    }

    /**
     * The update rule in the document's notation, its statements separated by "; ", for the
     * sheets that describe a run.
     */
    public String rule() {
        return switch (this) {
            case SGD -> "P ← P − η ∂E/∂P";
            case MOMENTUM -> "v ← β v + ∂E/∂P; P ← P − η v; v starting at 0";
            case RMSPROP -> "s ← ρ s + (1 − ρ) (∂E/∂P)²; P ← P − η ∂E/∂P / (√s + ε); s"
                    + " starting at 0";
            case ADAM -> "m ← β₁ m + (1 − β₁) ∂E/∂P; v ← β₂ v + (1 − β₂) (∂E/∂P)²;"
                    + " P ← P − η m̂ / (√v̂ + ε), with the bias corrections m̂ = m / (1 − β₁ᵗ)"
                    + " and v̂ = v / (1 − β₂ᵗ) at step t; m and v starting at 0";
        };
    }

    // The one place each rule's change is written, so that the first step of the trace and
    // every step of a run round alike.

    /** RMSprop's change of one entry: −η g / (√s + ε). */
    static double rmspropChange(double eta, double g, double s, double epsilon) {
        return -eta * g / (Math.sqrt(s) + epsilon);
    }

    /** Adam's change of one entry from its moments at step t, bias-corrected. */
    static double adamChange(double eta, double m, double v, double beta_1, double beta_2,
            double epsilon, int t) {
        double mHat = m / (1 - Math.pow(beta_1, t));
        double vHat = v / (1 - Math.pow(beta_2, t));
        return -eta * mHat / (Math.sqrt(vHat) + epsilon);
    }
}
