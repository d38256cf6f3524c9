package gradbook.workbook;

import gradbook.audit.Audit;
import gradbook.audit.HandValue;
import gradbook.audit.Tolerance;
import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Trace;
import java.util.List;

/**
 * What a step is judged by: the convention its backward pass follows, and the tolerance a hand
 * value is held to. It also takes the step and judges the template's hand values against it.
 */
public record Judging(Convention convention, Tolerance tolerance) {
    /** The step of {@code t}'s network under the convention, or its problem with it as one line. */
    public Trace take(Template t) throws TemplateException {
        String problem = convention.problem(t.network());
        if (problem == null && convention == Convention.NOTEBOOK
                && !t.layout().equals(TemplateLayout.DEFAULT)) {
            problem = "the notebook convention is defined only for the document's layout, and"
                    + " the template sets weight_layout or sample_layout";
        }
        if (problem != null) {
            throw new TemplateException(t.fileName() + ": " + problem + "; use --convention "
                    + Convention.TEXTBOOK.word());
        }
        return GradientStep.take(t.network(), convention);
    }

    /**
     * The template's hand values judged against {@code trace}, both in the template's layout
     * (see {@link TemplateLayout}).
     */
    public Audit audit(Template t, Trace trace) throws TemplateException {
        Trace shown = t.layout().shown(trace);
        List<HandValue> hands = HandValueReader.read(t, shown);
        Convention other = convention == Convention.TEXTBOOK ? Convention.NOTEBOOK
                : Convention.TEXTBOOK;
        Trace otherTrace = other.problem(t.network()) == null
                && t.layout().equals(TemplateLayout.DEFAULT)
                ? GradientStep.take(t.network(), other) : null;
        return Audit.judge(shown, otherTrace, hands, tolerance);
    }
}
