package gradbook.workbook;

import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.List;
import java.util.Locale;

/**
 * How a template lays out its weights and samples, from the optional names weight_layout
 * ({@code in_by_out}, the document's, or {@code out_by_in}, PyTorch's nn.Linear) and
 * sample_layout ({@code rows} or {@code columns}).
 *
 * <p>The core keeps the document's layout (W input × output, samples as columns); this is the
 * one place that translates. Reading, a template's out_by_in weights are transposed into the
 * core and its sample columns kept as they are. Writing, every quantity with a weight matrix's
 * shape (W_k, ∂E/∂W_k, its check, ΔW_k, W_k after the step, ∂z_k/∂a_(k−1)) is shown, named,
 * judged and keyed output × input again. The generated sheets show samples as columns in both
 * sample layouts, as the document prints vectors; sample_layout says only how x and y are read.
 */
public record TemplateLayout(boolean outByIn, boolean sampleColumns) {
    public static final TemplateLayout DEFAULT = new TemplateLayout(false, false);
    static final String WEIGHT = "weight_layout";
    static final String SAMPLE = "sample_layout";
    static final List<String> WEIGHT_WORDS = List.of("in_by_out", "out_by_in");
    static final List<String> SAMPLE_WORDS = List.of("rows", "columns");

    /** A layout word as written (any case, spaces ignored), or null when it is none of them. */
    static Boolean second(String word, List<String> words) {
        int n = words.indexOf(word.strip().toLowerCase(Locale.ROOT).replace(" ", ""));
        return n < 0 ? null : n == 1;
    }

    /** True when {@code q} is shown transposed: it has W_k's shape and W_k is out_by_in. */
    public boolean transposed(Quantity q) {
        return outByIn && (isWeight(q.name()) || isWeight(q.shapeOf()));
    }

    private static boolean isWeight(String name) {
        return name != null && name.matches("W_\\d+");
    }

    /** {@code trace} with each quantity's value in this layout, for judging and keying. */
    public Trace shown(Trace trace) {
        if (!outByIn) {
            return trace;
        }
        return trace.withValues(q -> transposed(q) ? q.value().transpose() : q.value());
    }

    /** The shape said beside a weight-shaped quantity, e.g. "output × input". */
    String weightShape() {
        return outByIn ? "output × input" : "input × output";
    }
}
