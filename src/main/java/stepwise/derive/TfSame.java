package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.LayerKind;
import stepwise.model.Net;
import stepwise.model.Padding;

/**
 * Padding 'same' at a stride above 1, as TensorFlow defines it: the output has ceil(n / s)
 * positions and the input is padded by {@code max((ceil(n/s) - 1) s + d (k - 1) + 1 - n, 0)} in all,
 * the smaller half on the left. The left padding depends on the length reaching the layer, so a
 * receptive field through such a layer needs the input length: {@code receptive_field(S, n=224)}.
 * PyTorch refuses 'same' at a stride above 1; at stride 1 the two agree.
 */
final class TfSame {
    private TfSame() {}

    /** Whether a layer pads 'same' at a stride other than 1 on some axis. */
    static boolean strided(Layer layer) {
        return layer.axes().stream().anyMatch(a -> a.p() instanceof Padding.Same && !isOne(a.s()));
    }

    /** A stride written as an expression (s=2-1) counts by its value. */
    private static boolean isOne(Expr s) {
        try {
            return stepwise.algebra.Exact.eval(s, java.util.Map.of()).equals(Rational.ONE);
        } catch (stepwise.algebra.Exact.NotExact | ArithmeticException symbolic) {
            return false;
        }
    }

    /** TensorFlow's total padding for 'same' on a length n. */
    static long total(long n, long k, long s, long d) {
        long out = Math.floorDiv(n + s - 1, s);
        return Math.max((out - 1) * s + d * (k - 1) + 1 - n, 0);
    }

    /** A layer's output length, as PyTorch (and, for strided 'same', TensorFlow) computes it. */
    static long length(Layer layer, int axis, long n) {
        AxisParams p = layer.axis(axis);
        long k = whole(p.k()), s = whole(p.s()), d = layer.kind() == LayerKind.AVGPOOL ? 1 : whole(p.d());
        return switch (layer.kind()) {
            case UPSAMPLE -> n * whole(p.f());
            case TCONV -> (n - 1) * s - 2 * whole(p.get(stepwise.model.Param.P)) + d * (k - 1) + whole(p.op()) + 1;
            default -> {
                if (p.p() instanceof Padding.Same) yield Math.floorDiv(n + s - 1, s);
                long pad = whole(p.leftPadding());
                yield Math.floorDiv(n + 2 * pad - d * (k - 1) - 1, s) + 1;
            }
        };
    }

    /** The stack with every strided 'same' padding written out for the given input lengths (one per axis), and notes saying how. */
    static Net resolve(Net net, List<Long> lengths, List<String> notes) {
        var axes = new ArrayList<Long>(lengths);
        return new Net(net.name(), net.dims(), nodes(net.nodes(), axes, net.dims(), notes), net.named());
    }

    private static List<Net.Node> nodes(List<Net.Node> nodes, List<Long> lengths, int dims, List<String> notes) {
        var out = new ArrayList<Net.Node>();
        for (Net.Node node : nodes) {
            if (node instanceof Net.LayerNode l) {
                out.add(new Net.LayerNode(layer(l.layer(), lengths, dims, notes)));
                continue;
            }
            var block = (Net.ParallelNode) node;
            var paths = new ArrayList<List<Net.Node>>();
            List<Long> after = null;
            for (var path : block.paths()) {
                var at = new ArrayList<>(lengths);
                paths.add(nodes(path, at, dims, notes));
                if (after != null && !after.equals(at)) {
                    throw new BadInput(block.span(), "the paths of '" + block.name() + "' give different lengths (" + after + " and " + at + ")");
                }
                after = at;
            }
            for (int a = 0; a < dims; a++) lengths.set(a, after.get(a));
            out.add(new Net.ParallelNode(block.name(), paths, block.span()));
        }
        return out;
    }

    private static Layer layer(Layer layer, List<Long> lengths, int dims, List<String> notes) {
        var axes = new ArrayList<AxisParams>();
        for (int a = 0; a < dims; a++) {
            AxisParams p = layer.axis(a);
            long n = lengths.get(a);
            if (p.p() instanceof Padding.Same && strided(layer)) {
                long k = whole(p.k()), s = whole(p.s()), d = layer.kind() == LayerKind.AVGPOOL ? 1 : whole(p.d());
                long total = total(n, k, s, d);
                notes.add("'" + layer.name() + "' pads 'same' at stride " + s + " as TensorFlow does: on length " + n + " it pads " + total
                        + " in all, " + total / 2 + " on the left" + (dims == 1 ? "" : a == 0 ? " (height)" : " (width)"));
                p = p.with(stepwise.model.Param.P, Expr.num(total / 2));
            }
            axes.add(p);
            long next = length(layer, a, n);
            if (next <= 0) throw new BadInput(layer.span(), "'" + layer.name() + "' leaves no output for an input of length " + n);
            lengths.set(a, next);
        }
        return layer.withAxes(axes);
    }

    private static long whole(Expr e) {
        try {
            return Exact.eval(e, Map.of()).num().longValueExact();
        } catch (Exact.NotExact | ArithmeticException ex) {
            throw new BadInput(Span.NONE, "padding 'same' at a stride above 1 needs numeric layer parameters");
        }
    }
}
