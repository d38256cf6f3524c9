package gradbook.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The gradient check beside each backprop gradient: central differences of E, one entry of one
 * parameter at a time, (E(p + h) − E(p − h)) / 2h.
 *
 * <p>h = 1e-5: the truncation error of a central difference grows as h² and the rounding error
 * of E(p + h) − E(p − h) as ε/h (ε ≈ 2.2e-16), so for E of order 1 their sum is near its least,
 * about 1e-10, for h near ε^(1/3) ≈ 6e-6.
 *
 * <p>Each entry costs two forward passes, so a full check is quadratic in the network's size.
 * A network of at most {@value #FULL_CHECK_LIMIT} parameters is checked entry by entry; above
 * that, {@value #SAMPLE_SIZE} entries of each parameter that has more, drawn by
 * {@code java.util.Random} seeded with {@value #SEED} for each parameter. An entry not checked
 * is NaN in the value, which the workbook leaves blank.
 */
public final class GradientCheck {
    public static final double H = 1e-5;
    public static final int FULL_CHECK_LIMIT = 300;
    public static final int SAMPLE_SIZE = 20;
    public static final long SEED = 1;

    /**
     * One checked entry (i, j) of a parameter of layer {@code layer}, moved by +h and by −h.
     *
     * @param parameter the parameter's name, W_k or b_(k+1)
     */
    public record Probe(String parameter, int layer, int i, int j, Pass plus, Pass minus) {
        /** The central difference (E(p + h) − E(p − h)) / 2h. */
        public double estimate() {
            return (plus.E() - minus.E()) / (2 * H);
        }

        /** The entry in the document's notation, counted from 1: W₀[1,2] or b₁[2]. */
        public String symbol() {
            return parameter.startsWith("W_")
                    ? "W" + GradientStep.sub(layer) + "[" + (i + 1) + "," + (j + 1) + "]"
                    : "b" + GradientStep.sub(layer + 1) + "[" + (i + 1) + "]";
        }
    }

    /**
     * A forward pass with one entry moved: z and a of the moved parameter's layer and those
     * after it (z.get(0) is z of that layer), a column per sample, then the loss.
     */
    public record Pass(List<Matrix> z, List<Matrix> a, double E) {
    }

    /** The probes of one parameter and the estimate they give, NaN where not checked. */
    record Result(Matrix value, List<Probe> probes, String coverage) {
    }

    private GradientCheck() {
    }

    /** The number of weights and biases of the network. */
    public static int parameterCount(Network net) {
        int count = 0;
        for (int k = 0; k < net.layers(); k++) {
            count += net.W().get(k).rows() * net.W().get(k).cols() + net.b().get(k).rows();
        }
        return count;
    }

    /** Checks W_k ({@code weight}) or b_(k+1); {@code before} is a_(k−1), or x for k = 0. */
    static Result check(Network net, int k, boolean weight, Matrix before) {
        Matrix p = weight ? net.W().get(k) : net.b().get(k);
        String name = weight ? "W_" + k : "b_" + (k + 1);
        int[] entries = entries(net, p.rows() * p.cols());
        double[][] value = new double[p.rows()][p.cols()];
        for (double[] row : value) {
            Arrays.fill(row, Double.NaN);
        }
        List<Probe> probes = new ArrayList<>();
        for (int e : entries) {
            int i = e / p.cols();
            int j = e % p.cols();
            Probe probe = new Probe(name, k, i, j, pass(net, k, weight, i, j, before, H),
                    pass(net, k, weight, i, j, before, -H));
            probes.add(probe);
            value[i][j] = probe.estimate();
        }
        return new Result(Matrix.of(value), probes, coverage(net, entries.length, p));
    }

    // Every entry, or a seeded sample in reading order when the network is large.
    private static int[] entries(Network net, int size) {
        int[] all = new int[size];
        Arrays.setAll(all, e -> e);
        if (parameterCount(net) <= FULL_CHECK_LIMIT || size <= SAMPLE_SIZE) {
            return all;
        }
        Random random = new Random(SEED);
        for (int n = 0; n < SAMPLE_SIZE; n++) {
            int pick = n + random.nextInt(size - n);
            int swap = all[n];
            all[n] = all[pick];
            all[pick] = swap;
        }
        int[] sample = Arrays.copyOf(all, SAMPLE_SIZE);
        Arrays.sort(sample);
        return sample;
    }

    private static String coverage(Network net, int checked, Matrix p) {
        int size = p.rows() * p.cols();
        if (checked == size) {
            return "every entry";
        }
        return checked + " of " + size + " entries, drawn with seed " + SEED + " since the"
                + " network has " + parameterCount(net) + " parameters (more than "
                + FULL_CHECK_LIMIT + "); the others are blank";
    }

    // The forward pass again from layer k, with entry (i, j) moved by {@code by}: the move is
    // added to z_k as by · a_(k−1)[i] (a weight) or by (a bias, to every unit when it is shared),
    // in every sample's column, as the workbook's formula adds it, rather than to the
    // parameter, so both compute the same sums.
    private static Pass pass(Network net, int k, boolean weight, int i, int j, Matrix before,
            double by) {
        List<Matrix> zs = new ArrayList<>();
        List<Matrix> as = new ArrayList<>();
        Matrix a = before;
        for (int m = k; m < net.layers(); m++) {
            Matrix z = Operation.AFFINE.apply(List.of(net.W().get(m), a, net.b().get(m)));
            if (m == k) {
                double[][] moved = z.toArray();
                for (int s = 0; s < z.cols(); s++) {
                    if (weight) {
                        moved[j][s] += by * a.get(i, s);
                    } else if (net.sharedBias(k)) {
                        for (int u = 0; u < z.rows(); u++) {
                            moved[u][s] += by;
                        }
                    } else {
                        moved[i][s] += by;
                    }
                }
                z = Matrix.of(moved);
            }
            a = net.activate(m, z);
            zs.add(z);
            as.add(a);
        }
        return new Pass(zs, as, net.E(a));
    }
}
