package gradbook.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One forward pass, one backward pass and one gradient step, traced quantity by quantity in the
 * order of the worked example.
 *
 * <p>Every gradient is taken at the parameters before the step. Each layer has the activation
 * and the loss the network names (by default the document's sigmoid and E = ½ Σ (a_(L−1) − y)²);
 * several samples are columns side by side, and E gathers them as the network says. Dense
 * layers only.
 */
public final class GradientStep {
    private final Network net;
    private final Convention convention;
    private final Trace trace;
    /** False for a step of a training run, which needs the gradients and nothing after them. */
    private final boolean whole;

    private GradientStep(Network net, Convention convention, boolean whole) {
        this.net = net;
        this.convention = convention;
        this.trace = new Trace(convention);
        this.whole = whole;
    }

    /** Runs the step on a network whose shapes chain (see {@link Network#shapeProblems()}). */
    public static Trace take(Network net) {
        return take(net, Convention.TEXTBOOK);
    }

    /**
     * Runs the step with the backward pass of {@code convention}; the network's shapes must
     * chain and suit the convention (see {@link Convention#problem(Network)}).
     */
    public static Trace take(Network net, Convention convention) {
        List<String> problems = net.shapeProblems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (convention.problem(net) != null) {
            throw new IllegalArgumentException(convention.problem(net));
        }
        GradientStep step = new GradientStep(net, convention, true);
        step.inputs();
        step.forward();
        step.error();
        step.factors();
        step.products();
        step.updates();
        return step.trace;
    }

    /**
     * The forward pass and the gradients at {@code net}'s parameters, without their checks or
     * the step: what each step of a {@link Trainer} run needs.
     */
    static Trace gradients(Network net) {
        GradientStep step = new GradientStep(net, Convention.TEXTBOOK, false);
        step.inputs();
        step.forward();
        step.error();
        step.factors();
        step.products();
        return step.trace;
    }

    // The example network: labels, input, weights, biases, as the document lists them.
    private void inputs() {
        int L = net.layers();
        input("y", "y", "the labels: the output the network should give" + samples(),
                Section.NETWORK, -1, net.y());
        input("x", "x", "the input" + samples(), Section.NETWORK, -1, net.x());
        for (int k = 0; k < L; k++) {
            input(W(k), "W" + sub(k), "the weights of layer " + k + ", input × output",
                    Section.NETWORK, k, net.W().get(k));
        }
        for (int k = 0; k < L; k++) {
            input(b(k + 1), "b" + sub(k + 1), "the biases of layer " + k, Section.NETWORK, k,
                    net.b().get(k));
        }
    }

    private void forward() {
        for (int k = 0; k < net.layers(); k++) {
            add(z(k), "z" + sub(k) + " = W" + sub(k) + "ᵀ" + prevSymbol(k) + " + b" + sub(k + 1),
                    "the weighted input of layer " + k, Section.FORWARD, k, Operation.AFFINE,
                    null, W(k), prev(k), b(k + 1));
            Activation f = net.activation().get(k);
            add(a(k), "a" + sub(k) + " = " + f.of("z" + sub(k)), "the activation of layer "
                    + k + (f == Activation.SIGMOID ? "" : ", " + f.word()) + samples(),
                    Section.FORWARD, k, f.forward(), null, z(k));
        }
    }

    private void error() {
        int last = net.layers() - 1;
        String a = "a" + sub(last);
        Loss loss = net.loss();
        Activation f = net.lastActivation();
        String term = loss.termName();
        add(term, loss.termNotation(f, a), (loss.isSquared() ? "the squared error"
                : "the cross-entropy") + " of each output" + samples(), Section.ERROR, last,
                loss.term(f), null, a(last), "y");
        String ell = loss.notation(f, a, net.y().rows());
        int N = net.samples();
        String E;
        if (N == 1) {
            E = "E = " + ell;
        } else if (net.batch() == BatchGradient.SUM) {
            E = "E = Σₛ ℓₛ over the " + N + " samples, ℓ = " + ell;
        } else {
            E = "E = (1/" + N + ") Σₛ ℓₛ, the mean over the " + N + " samples, ℓ = " + ell;
        }
        String meaning = net.isDocumentCase()
                ? "the loss; the document's Err is the same sum without the ½"
                : "the loss, " + loss.word() + (N == 1 ? "" : ", " + net.batch().word()
                        + " over the samples");
        scaled(net.scaleOfE(), "E", E, meaning, Section.ERROR, -1, Operation.TOTAL, null, term);
    }

    // The document's eight factors, generalised: for each layer from the last back to the
    // first, ∂a/∂z, ∂z/∂W, ∂z/∂b and (below the first layer) ∂z/∂a of the layer before.
    private void factors() {
        int last = net.layers() - 1;
        if (convention == Convention.NOTEBOOK) {
            add(dE_da(last), "∂E/∂a" + sub(last) + " = y − a" + sub(last)
                    + ", as the document's code takes it", "the code's sign: the formula is a"
                    + sub(last) + " − y", Section.FACTORS, last, Operation.DIFFERENCE, null, "y",
                    a(last));
        } else {
            Loss loss = net.loss();
            Activation f = net.lastActivation();
            Scale scale = loss.slopeScale(net.y().rows()).times(net.batch().scale(net.samples()));
            String slope = loss.slopeNotation(f, "a" + sub(last));
            scaled(scale, dE_da(last), "∂E/∂a" + sub(last) + " = " + (scale.isOne() ? slope
                    : scale.symbol() + "(" + slope + ")"), "how the loss changes with each"
                    + " output" + samples(), Section.FACTORS, last, loss.slope(f), null, a(last),
                    "y");
        }
        for (int k = last; k >= 0; k--) {
            Activation f = net.activation().get(k);
            if (f.slope() != null) {
                add(da_dz(k), "∂a" + sub(k) + "/∂z" + sub(k) + " = " + f.slopeOf("a" + sub(k),
                        "z" + sub(k)), "the slope of the " + (f == Activation.SIGMOID ? "sigmoid"
                                : f.word()) + " at z_" + k, Section.FACTORS, k, f.slope(), null,
                        a(k));
            }
            add(dz_dW(k), "∂z" + sub(k) + "/∂W" + sub(k) + " = " + prevSymbol(k),
                    "the input of layer " + k + ", which each weight multiplies",
                    Section.FACTORS, k, Operation.COPY, null, prev(k));
            add(dz_db(k), "∂z" + sub(k) + "/∂b" + sub(k + 1) + " = 1", net.sharedBias(k)
                    ? "the one bias of the layer adds to every unit once"
                    : "each bias adds to its own unit once", Section.FACTORS, k, Operation.ONES,
                    null, z(k));
            if (k > 0) {
                add(dz_da(k), "∂z" + sub(k) + "/∂a" + sub(k - 1) + " = W" + sub(k),
                        "how layer " + k + "'s weighted input changes with layer " + (k - 1)
                                + "'s activation", Section.FACTORS, k, Operation.COPY, W(k),
                        W(k));
            }
        }
    }

    // The chain-rule products, from the last layer back: δ_k = ∂E/∂z_k, then the gradients,
    // each followed by its gradient check.
    private void products() {
        int last = net.layers() - 1;
        for (int k = last; k >= 0; k--) {
            if (k == last && net.lastActivation() == Activation.SOFTMAX) {
                add(delta(k), "δ" + sub(k) + " = a" + sub(k) + " ∘ (∂E/∂a" + sub(k) + " − a"
                        + sub(k) + "ᵀ ∂E/∂a" + sub(k) + "), each sample's column", "the error at"
                        + " layer " + k + "'s weighted input, ∂E/∂z_" + k + ": the softmax's"
                        + " Jacobian diag(a) − a aᵀ applied to ∂E/∂a", Section.PRODUCTS, k,
                        Operation.SOFTMAX_BACK, null, dE_da(k), a(k));
            } else if (k == last) {
                add(delta(k), "δ" + sub(k) + " = ∂E/∂a" + sub(k) + " ∘ ∂a" + sub(k) + "/∂z"
                        + sub(k), "the error at layer " + k + "'s weighted input, ∂E/∂z_" + k,
                        Section.PRODUCTS, k, Operation.HADAMARD, null, dE_da(k), da_dz(k));
            } else if (convention == Convention.NOTEBOOK) {
                add(delta(k), "δ" + sub(k) + " = (∂z" + sub(k + 1) + "/∂a" + sub(k) + " · ∂E/∂a"
                        + sub(k + 1) + ") ∘ ∂a" + sub(k + 1) + "/∂z" + sub(k + 1) + " ∘ ∂a"
                        + sub(k) + "/∂z" + sub(k), "the code's δ for layer " + k + ": the slope"
                        + " of layer " + (k + 1) + " applied after W" + sub(k + 1) + ", where the"
                        + " chain rule applies it before", Section.PRODUCTS, k,
                        Operation.SLIPPED_BACK_PROPAGATE, null, dz_da(k + 1), dE_da(k + 1),
                        da_dz(k + 1), da_dz(k));
            } else {
                add(delta(k), "δ" + sub(k) + " = (∂z" + sub(k + 1) + "/∂a" + sub(k) + " · δ"
                        + sub(k + 1) + ") ∘ ∂a" + sub(k) + "/∂z" + sub(k),
                        "the error at layer " + k + "'s weighted input, ∂E/∂z_" + k,
                        Section.PRODUCTS, k, Operation.BACK_PROPAGATE, null, dz_da(k + 1),
                        delta(k + 1), da_dz(k));
            }
            if (convention == Convention.NOTEBOOK) {
                add(dE_dW(k), "∂E/∂W" + sub(k) + " = δ" + sub(k) + " · (∂z" + sub(k) + "/∂W"
                        + sub(k) + ")ᵀ", "the code's outer product δ ⊗ " + prevSymbol(k)
                        + ", output × input: the transpose of W_" + k + "'s layout",
                        Section.PRODUCTS, k, Operation.OUTER_TRANSPOSED, W(k), dz_dW(k),
                        delta(k));
            } else {
                add(dE_dW(k), "∂E/∂W" + sub(k) + " = ∂z" + sub(k) + "/∂W" + sub(k) + " · δ"
                        + sub(k) + "ᵀ", "the gradient of the loss with respect to W_" + k
                        + (net.samples() == 1 ? "" : "; the product sums over the samples"),
                        Section.PRODUCTS, k, Operation.OUTER, W(k), dz_dW(k), delta(k));
            }
            check(k, true);
            biasGradient(k);
            check(k, false);
        }
    }

    // One sample keeps the document's δ ∘ 1; several sum it over their columns; a bias shared
    // by the layer's units sums it over the units as well.
    private void biasGradient(int k) {
        boolean one = net.samples() == 1;
        if (net.sharedBias(k)) {
            add(dE_db(k + 1), "∂E/∂b" + sub(k + 1) + " = Σ" + (one ? "ᵢ" : "ᵢ Σₛ") + " δ"
                    + sub(k) + " ∘ ∂z" + sub(k) + "/∂b" + sub(k + 1), "the gradient of the loss"
                    + " with respect to b_" + (k + 1) + ", one bias shared by the layer: summed"
                    + " over the units" + (one ? "" : " and the samples"), Section.PRODUCTS, k,
                    Operation.HADAMARD_TOTAL, b(k + 1), delta(k), dz_db(k));
            return;
        }
        add(dE_db(k + 1), "∂E/∂b" + sub(k + 1) + " = " + (one ? "" : "Σₛ ") + "δ" + sub(k)
                + " ∘ ∂z" + sub(k) + "/∂b" + sub(k + 1), "the gradient of the loss with"
                + " respect to b_" + (k + 1) + (one ? "" : ", summed over the samples"),
                Section.PRODUCTS, k, one ? Operation.HADAMARD : Operation.HADAMARD_SUMMED,
                b(k + 1), delta(k), dz_db(k));
    }

    // The gradient check of W_k or b_(k+1): central differences of E, then their difference
    // from the backprop value, so that the workbook shows both side by side.
    private void check(int k, boolean weight) {
        if (!whole) {
            return;
        }
        String parameter = weight ? W(k) : b(k + 1);
        String gradient = weight ? dE_dW(k) : dE_db(k + 1);
        String p = weight ? "W" + sub(k) : "b" + sub(k + 1);
        GradientCheck.Result result = GradientCheck.check(net, k, weight, trace.value(prev(k)));
        trace.addProbes(result.probes());
        String estimate = "(E(" + p + " + h) − E(" + p + " − h)) / 2h";
        trace.add(new Quantity("fd_" + gradient, estimate, "∂E/∂" + p + " by central"
                + " differences with h = " + GradientCheck.H + ": " + result.coverage(),
                Section.PRODUCTS, k, Operation.CENTRAL_DIFFERENCE, List.of(parameter, "E"),
                parameter, result.value()));
        add("fd_diff_" + gradient, estimate + " − ∂E/∂" + p, convention == Convention.NOTEBOOK
                ? "the check against the code's values, which are not the gradients of E"
                : "the check: near 0 when backprop is right", Section.PRODUCTS, k,
                Operation.DIFFERENCE, parameter, "fd_" + gradient, gradient);
    }

    // η (and the optimizer's hyper-parameters), the steps Δ, then the parameters after the step.
    // With an optimizer other than sgd, Δ is that optimizer's first change, from its state 0.
    private void updates() {
        int last = net.layers() - 1;
        input("eta", "η", "the learning rate", Section.UPDATES, -1, Matrix.filled(1, 1, net.eta()));
        Training training = net.training();
        for (String h : training.hyperParameters()) {
            input(h, Training.symbol(h), meaningOf(h), Section.UPDATES, -1,
                    Matrix.filled(1, 1, training.value(h)));
        }
        for (int k = last; k >= 0; k--) {
            change(W(k), "W" + sub(k), dE_dW(k), "W_" + k);
            if (net.updateBiases()) {
                change(b(k + 1), "b" + sub(k + 1), dE_db(k + 1), "b_" + (k + 1));
            } else {
                add("step_" + b(k + 1), "Δb" + sub(k + 1) + " = 0, the biases held fixed",
                        "no change: the template's update_biases is false", Section.UPDATES,
                        k, Operation.ZEROS, b(k + 1), b(k + 1));
            }
        }
        for (int k = last; k >= 0; k--) {
            add(W(k) + "_new", "W" + sub(k) + " + ΔW" + sub(k), "W_" + k + " after the"
                    + firstStep(), Section.UPDATES, k, Operation.SUM, W(k), W(k),
                    "step_" + W(k));
            add(b(k + 1) + "_new", "b" + sub(k + 1) + " + Δb" + sub(k + 1),
                    "b_" + (k + 1) + " after the" + firstStep(), Section.UPDATES, k,
                    Operation.SUM, b(k + 1), b(k + 1), "step_" + b(k + 1));
        }
    }

    // The change of one parameter p (symbol P) with gradient g, by the optimizer's first step.
    private void change(String p, String P, String g, String words) {
        String dE = "∂E/∂" + P;
        String meaning = "the change the" + firstStep() + " makes to " + words;
        Training training = net.training();
        switch (training.optimizer()) {
            case SGD -> add("step_" + p, "Δ" + P + " = −η " + dE, meaning, Section.UPDATES,
                    layerOf(p), Operation.STEP, p, "eta", g);
            case MOMENTUM -> add("step_" + p, "Δ" + P + " = −η v, v = β·0 + " + dE, meaning
                    + ": momentum's, from v = 0", Section.UPDATES, layerOf(p), Operation.STEP,
                    p, "eta", g);
            case RMSPROP -> add("step_" + p, "Δ" + P + " = −η g / (√((1 − ρ) g²) + ε), g = "
                    + dE, meaning + ": RMSprop's, from s = 0, so s = (1 − ρ) g²",
                    Section.UPDATES, layerOf(p), Operation.RMSPROP_STEP, p, "eta", "rho",
                    "epsilon", g);
            case ADAM -> add("step_" + p, "Δ" + P + " = −η m̂ / (√v̂ + ε), g = " + dE, meaning
                    + ": Adam's, from m = v = 0, so m̂ = (1 − β₁) g / (1 − β₁¹) and"
                    + " v̂ = (1 − β₂) g² / (1 − β₂¹)", Section.UPDATES, layerOf(p),
                    Operation.ADAM_STEP, p, "eta", "beta_1", "beta_2", "epsilon", g);
        }
    }

    // The layer k of W_k, or of b_(k+1).
    private static int layerOf(String p) {
        int n = Integer.parseInt(p.substring(2));
        return p.startsWith("W_") ? n : n - 1;
    }

    // " step", or " first step" when the template asks for a run of several.
    private String firstStep() {
        return net.training().isOneStepOfSgd() ? " step" : " first step";
    }

    private static String meaningOf(String hyperParameter) {
        return switch (hyperParameter) {
            case "momentum" -> "momentum's β: how much of the last change each step keeps";
            case "rho" -> "RMSprop's ρ: how slowly the mean of the squared gradients moves";
            case "beta_1" -> "Adam's β₁: how slowly the mean of the gradients moves";
            case "beta_2" -> "Adam's β₂: how slowly the mean of the squared gradients moves";
            default -> "ε: keeps the quotient finite where the gradient is 0";
        };
    }

    private void input(String name, String notation, String meaning, Section section, int layer,
            Matrix value) {
        trace.add(new Quantity(name, notation, meaning, section, layer, Operation.INPUT,
                List.of(), null, value));
    }

    private void add(String name, String notation, String meaning, Section section, int layer,
            Operation operation, String shapeOf, String... operands) {
        scaled(Scale.ONE, name, notation, meaning, section, layer, operation, shapeOf, operands);
    }

    // As add, the operation's value times a constant factor (E's ½, a mean's 1/N).
    private void scaled(Scale scale, String name, String notation, String meaning,
            Section section, int layer, Operation operation, String shapeOf,
            String... operands) {
        List<Matrix> values = new ArrayList<>();
        for (String operand : operands) {
            values.add(trace.value(operand));
        }
        trace.add(new Quantity(name, notation, meaning, section, layer, operation,
                List.of(operands), shapeOf, operation.apply(values, scale), scale));
    }

    // Said after a quantity's meaning when it has a column per sample.
    private String samples() {
        return net.samples() == 1 ? "" : ", a column per sample";
    }

    // The names, spelled as the defined names are (see the package documentation).
    static String W(int k) {
        return "W_" + k;
    }

    static String b(int k) {
        return "b_" + k;
    }

    static String z(int k) {
        return "z_" + k;
    }

    static String a(int k) {
        return "a_" + k;
    }

    /** The input of layer k: a_(k−1), or x for the first layer. */
    static String prev(int k) {
        return k == 0 ? "x" : a(k - 1);
    }

    static String dE_da(int k) {
        return "dE_da_" + k;
    }

    static String da_dz(int k) {
        return "da_" + k + "_dz_" + k;
    }

    static String dz_dW(int k) {
        return "dz_" + k + "_dW_" + k;
    }

    static String dz_db(int k) {
        return "dz_" + k + "_db_" + (k + 1);
    }

    static String dz_da(int k) {
        return "dz_" + k + "_da_" + (k - 1);
    }

    static String delta(int k) {
        return "delta_" + k;
    }

    static String dE_dW(int k) {
        return "dE_dW_" + k;
    }

    static String dE_db(int k) {
        return "dE_db_" + k;
    }

    private static String prevSymbol(int k) {
        return k == 0 ? "x" : "a" + sub(k - 1);
    }

    /** The index written in subscript digits, as the document's labels write it. */
    public static String sub(int k) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
