package gradbook.core;

/** The logistic sigmoid S(x) = 1 / (1 + e^−x) of the document's activation section. */
public final class Sigmoid {
    private Sigmoid() {
    }

    /**
     * S(x), in a form whose exponential never overflows: for x &lt; 0 it uses
     * e^x / (1 + e^x), which is the same function. The formula twins use the same two branches.
     */
    public static double S(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
