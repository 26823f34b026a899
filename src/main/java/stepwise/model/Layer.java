package stepwise.model;

import java.util.List;
import stepwise.ast.Span;

/** A layer of a stack: its display name, kind and parameters per axis (one or two axes). */
public record Layer(String name, LayerKind kind, List<AxisParams> axes, Span span) {
    public Layer {
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > 2) throw new IllegalArgumentException("a layer has 1 or 2 axes, got " + axes.size());
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a layer needs a name");
    }

    public AxisParams axis(int i) { return axes.get(i); }
}
