package gradbook.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Every quantity of one gradient step in the document's order, the inputs among them where the
 * document shows them (η with the weight updates); each quantity's operands come before it.
 */
public final class Trace {
    private final Map<String, Quantity> byName = new LinkedHashMap<>();
    private final Convention convention;
    private final List<GradientCheck.Probe> probes = new ArrayList<>();

    Trace(Convention convention) {
        this.convention = convention;
    }

    /** The backward pass this trace follows. */
    public Convention convention() {
        return convention;
    }

    /** The forward passes behind the central differences fd_…, in the order of those. */
    public List<GradientCheck.Probe> probes() {
        return Collections.unmodifiableList(probes);
    }

    /** The quantities in the document's order. */
    public List<Quantity> quantities() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    public Quantity get(String name) {
        Quantity q = byName.get(name);
        if (q == null) {
            throw new NoSuchElementException("no quantity named " + name);
        }
        return q;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Matrix value(String name) {
        return get(name).value();
    }

    /** The loss E. */
    public double E() {
        return value("E").get(0, 0);
    }

    /**
     * A copy of this trace with each quantity's value replaced by {@code value} of it, e.g. in
     * another layout; the probes stay.
     */
    public Trace withValues(Function<Quantity, Matrix> value) {
        Trace copy = new Trace(convention);
        copy.probes.addAll(probes);
        for (Quantity q : byName.values()) {
            copy.byName.put(q.name(), new Quantity(q.name(), q.notation(), q.meaning(),
                    q.section(), q.layer(), q.operation(), q.operands(), q.shapeOf(),
                    value.apply(q), q.scale()));
        }
        return copy;
    }

    void addProbes(List<GradientCheck.Probe> more) {
        probes.addAll(more);
    }

    void add(Quantity q) {
        for (String operand : q.operands()) {
            if (!byName.containsKey(operand)) {
                throw new IllegalStateException(q.name() + " uses " + operand + " before it exists");
            }
        }
        if (byName.putIfAbsent(q.name(), q) != null) {
            throw new IllegalStateException("two quantities are named " + q.name());
        }
    }
}
