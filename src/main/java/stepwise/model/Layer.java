package stepwise.model;

import java.util.List;
import stepwise.ast.Span;

/**
 * A layer of a stack: its display name, kind and parameters per axis (one or two axes), and, for a
 * pooling layer, PyTorch's {@code ceil_mode} (output lengths rounded up, the last window starting
 * inside the input or the left padding); for an upsampling layer, whether it interpolates linearly
 * ({@code mode=linear}, PyTorch's linear and bilinear modes with align_corners=False) instead of copying
 * the nearest position.
 */
public record Layer(String name, LayerKind kind, List<AxisParams> axes, Span span, boolean ceilMode, boolean linear) {
    public Layer {
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > 2) throw new IllegalArgumentException("a layer has 1 or 2 axes, got " + axes.size());
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a layer needs a name");
    }

    public Layer(String name, LayerKind kind, List<AxisParams> axes, Span span) { this(name, kind, axes, span, false, false); }

    public Layer(String name, LayerKind kind, List<AxisParams> axes, Span span, boolean ceilMode) { this(name, kind, axes, span, ceilMode, false); }

    public AxisParams axis(int i) { return axes.get(i); }

    /** The same layer under another name. */
    public Layer named(String other) { return new Layer(other, kind, axes, span, ceilMode, linear); }

    /** The same layer with other parameters. */
    public Layer withAxes(List<AxisParams> other) { return new Layer(name, kind, other, span, ceilMode, linear); }
}
