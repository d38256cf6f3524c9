package gradbook.core;

import java.util.List;

/**
 * One named number or array of the worked example, with how it was computed.
 *
 * @param name the defined name and code name, e.g. {@code dE_dW_1}
 * @param notation the label in the document's notation, e.g. {@code z₀ = W₀ᵀx + b₁}
 * @param meaning what the quantity is, in words
 * @param section where the document shows it
 * @param layer the layer k it belongs to, or -1 where that means nothing (E, eta)
 * @param operation how it is computed from its operands
 * @param operands the names of the quantities it is computed from, in the operation's order
 * @param shapeOf the parameter whose shape it has (for gradients, their checks, steps, updated
 *     parameters and ∂z/∂a = W, since a transposed gradient is the commonest hand error), or
 *     null
 * @param value the value computed in Java
 * @param scale a constant factor applied to the operation's value (E's ½, a mean's 1/N), one
 *     for most
 */
public record Quantity(
        String name,
        String notation,
        String meaning,
        Section section,
        int layer,
        Operation operation,
        List<String> operands,
        String shapeOf,
        Matrix value,
        Scale scale) {

    public Quantity {
        operands = List.copyOf(operands);
    }

    /** A quantity without a constant factor. */
    public Quantity(String name, String notation, String meaning, Section section, int layer,
            Operation operation, List<String> operands, String shapeOf, Matrix value) {
        this(name, notation, meaning, section, layer, operation, operands, shapeOf, value,
                Scale.ONE);
    }

    public boolean isInput() {
        return operation == Operation.INPUT;
    }

    /**
     * True when the quantity is laid out as a matrix: it has a weight matrix's shape, or more
     * than one row and column. Anything else is a vector or a number, whose entries may be
     * written as a row or a column alike.
     */
    public boolean isMatrix() {
        return (shapeOf != null && shapeOf.startsWith("W_"))
                || (value.rows() > 1 && value.cols() > 1);
    }
}
