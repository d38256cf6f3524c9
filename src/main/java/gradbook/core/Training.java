package gradbook.core;

import java.util.List;

/**
 * How many gradient steps a template asks for and the optimizer that takes them, with its
 * hyper-parameters (see {@link Optimizer} for the rules). The default, one step of sgd, is the
 * document's step. Each value is checked by {@link #problem(String, double)}, so that a reader
 * can say which cell is at fault.
 *
 * @param steps the number of steps, at least 1 (template name {@code steps})
 * @param optimizer the rule of every step (template name {@code optimizer})
 * @param momentum β of momentum, in [0, 1) (template name {@code momentum})
 * @param rho ρ of RMSprop, in [0, 1) (template name {@code rho})
 * @param beta_1 β₁ of Adam, in [0, 1) (template name {@code beta_1}; beta1 is a cell address)
 * @param beta_2 β₂ of Adam, in [0, 1) (template name {@code beta_2})
 * @param epsilon ε of RMSprop and Adam, above 0 (template name {@code epsilon})
 */
public record Training(int steps, Optimizer optimizer, double momentum, double rho,
        double beta_1, double beta_2, double epsilon) {
    /** The most steps a run takes: one row each on the Training sheet. */
    public static final int MAX_STEPS = 100_000;
    /** One step of plain gradient descent, with the usual hyper-parameters for the others. */
    public static final Training DEFAULT = new Training(1, Optimizer.SGD, 0.9, 0.9, 0.9, 0.999,
            1e-8);

    /** The same training with {@code steps} steps. */
    public Training withSteps(int steps) {
        return new Training(steps, optimizer, momentum, rho, beta_1, beta_2, epsilon);
    }

    /** The same training with another optimizer. */
    public Training withOptimizer(Optimizer optimizer) {
        return new Training(steps, optimizer, momentum, rho, beta_1, beta_2, epsilon);
    }

    /** True for the document's one step of plain gradient descent. */
    public boolean isOneStepOfSgd() {
        return steps == 1 && optimizer == Optimizer.SGD;
    }

    /** The names of the hyper-parameters {@link #optimizer} uses, in the order shown. */
    public List<String> hyperParameters() {
        return switch (optimizer) {
            case SGD -> List.of();
            case MOMENTUM -> List.of("momentum");
            case RMSPROP -> List.of("rho", "epsilon");
            case ADAM -> List.of("beta_1", "beta_2", "epsilon");
        };
    }

    /** The value of the hyper-parameter named {@code name}. */
    public double value(String name) {
        return switch (name) {
            case "momentum" -> momentum;
            case "rho" -> rho;
            case "beta_1" -> beta_1;
            case "beta_2" -> beta_2;
            case "epsilon" -> epsilon;
            default -> throw new IllegalArgumentException("no hyper-parameter " + name);
        };
    }

    /** The same training with the hyper-parameter {@code name} set to {@code value}. */
    public Training with(String name, double value) {
        return switch (name) {
            case "momentum" -> new Training(steps, optimizer, value, rho, beta_1, beta_2,
                    epsilon);
            case "rho" -> new Training(steps, optimizer, momentum, value, beta_1, beta_2,
                    epsilon);
            case "beta_1" -> new Training(steps, optimizer, momentum, rho, value, beta_2,
                    epsilon);
            case "beta_2" -> new Training(steps, optimizer, momentum, rho, beta_1, value,
                    epsilon);
            case "epsilon" -> new Training(steps, optimizer, momentum, rho, beta_1, beta_2,
                    value);
            default -> throw new IllegalArgumentException("no hyper-parameter " + name);
        };
    }

    /** The hyper-parameter's symbol, as the labels write it. */
    public static String symbol(String name) {
        return switch (name) {
            case "momentum" -> "β";
            case "rho" -> "ρ";
            case "beta_1" -> "β₁";
            case "beta_2" -> "β₂";
            case "epsilon" -> "ε";
            default -> throw new IllegalArgumentException("no hyper-parameter " + name);
        };
    }

    /**
     * What is wrong with {@code value} for the name {@code name} ({@code steps} or a
     * hyper-parameter) and how to fix it, as a sentence, or null when it is allowed.
     */
    public static String problem(String name, double value) {
        if (name.equals("steps")) {
            if (value != Math.rint(value) || value < 1 || value > MAX_STEPS) {
                return "steps must be a whole number from 1 to " + MAX_STEPS + " but is "
                        + value + "; type a whole number of steps, e.g. 20";
            }
            return null;
        }
        if (name.equals("epsilon")) {
            return value > 0 && value < 1 ? null : "epsilon must be above 0 (and below 1) but"
                    + " is " + value + "; use a small number such as 1e-8, the default";
        }
        if (!(value >= 0 && value < 1)) {
            return name + " must be at least 0 and below 1 but is " + value + "; use e.g. "
                    + DEFAULT.value(name) + ", the default";
        }
        return null;
    }
}
