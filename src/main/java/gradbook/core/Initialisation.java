package gradbook.core;

import java.util.Random;

/**
 * How {@code gradbook new} draws the starting weights of a layer with fan_in inputs and fan_out
 * units: uniform U(−1, 1); Xavier/Glorot uniform U(−r, r) with r = √(6 / (fan_in + fan_out)),
 * which keeps the variance of a sigmoid or tanh layer's signal about the same forward and
 * backward; He normal N(0, 2 / fan_in), the same for relu, which zeroes half its inputs.
 * Biases start at 0 under Xavier and He, as those schemes prescribe, and are drawn like the
 * weights under uniform. Every number is rounded to {@link #DECIMALS} decimals, so that a
 * person can compute with it by hand.
 */
public enum Initialisation implements Word {
    UNIFORM("uniform"),
    XAVIER("xavier"),
    HE("he");

    /** The decimals every drawn number keeps. */
    public static final int DECIMALS = 4;
    /** The limit a of uniform's U(−a, a). */
    public static final double UNIFORM_LIMIT = 1;

    private final String word;

    Initialisation(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    public static Initialisation byWord(String word) {
        return Word.find(values(), word);
    }

    /** The allowed words, as messages list them. */
    public static String words() {
        return Word.list(values());
    }

    /** W_k, fan_in × fan_out, drawn row by row from {@code random}. */
    public Matrix weights(Random random, int fanIn, int fanOut) {
        double[][] e = new double[fanIn][fanOut];
        for (double[] row : e) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = round(switch (this) {
                    case UNIFORM -> uniform(random, UNIFORM_LIMIT);
                    case XAVIER -> uniform(random, xavierLimit(fanIn, fanOut));
                    case HE -> random.nextGaussian() * heDeviation(fanIn);
                });
            }
        }
        return Matrix.of(e);
    }

    /** b_(k+1), fan_out × 1: zeros, or drawn like the weights under uniform. */
    public Matrix biases(Random random, int fanOut) {
        return this == UNIFORM ? UNIFORM.weights(random, fanOut, 1) : Matrix.filled(fanOut, 1, 0);
    }

    /** Xavier/Glorot's r = √(6 / (fan_in + fan_out)). */
    public static double xavierLimit(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /** He's standard deviation √(2 / fan_in). */
    public static double heDeviation(int fanIn) {
        return Math.sqrt(2.0 / fanIn);
    }

    /** A number from U(−limit, limit), rounded. */
    static double uniform(Random random, double limit) {
        return round(limit * (2 * random.nextDouble() - 1));
    }

    /** {@code v} to {@link #DECIMALS} decimals; −0 becomes 0, which reads better in a cell. */
    public static double round(double v) {
        double r = Math.round(v * 10_000) / 10_000.0;
        return r == 0 ? 0 : r;
    }
}
