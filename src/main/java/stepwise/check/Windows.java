package stepwise.check;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.Net;

/**
 * Brute force for receptive fields, independent of the recurrence: it follows which input
 * positions an output position reads. Output position o of a layer reads positions
 * {@code o s - p + i d} (i = 0..k-1) of the layer below; composing these windows down to the input
 * gives, for every layer, the span of input positions that output o reads. Window spans are affine
 * in o, so the composition is carried by evaluating it at o = 0 and o = 1 (and checked at o = 2).
 */
public final class Windows {
    private Windows() {}

    /** The input span read by output position o of a layer: [jump o - pad, jump o - pad + rf - 1]. */
    public record Span(BigInteger rf, BigInteger jump, BigInteger pad) {}

    /** Position o of the current layer reads input positions [a o + b, a o + c]. */
    private record Reach(BigInteger a, BigInteger b, BigInteger c) {
        BigInteger lo(BigInteger o) { return a.multiply(o).add(b); }
        BigInteger hi(BigInteger o) { return a.multiply(o).add(c); }
        Span span() { return new Span(c.subtract(b).add(BigInteger.ONE), a, b.negate()); }
    }

    /** The span of every layer and parallel block (by name), for one axis of a numeric stack. */
    public static Map<String, Span> spans(Net net, int axis) {
        var out = new LinkedHashMap<String, Span>();
        walk(net.nodes(), new Reach(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO), axis, out);
        return out;
    }

    private static Reach walk(List<Net.Node> nodes, Reach reach, int axis, Map<String, Span> out) {
        for (Net.Node node : nodes) {
            reach = node instanceof Net.LayerNode l ? through(l.layer(), reach, axis) : union((Net.ParallelNode) node, reach, axis, out);
            out.put(node.name(), reach.span());
        }
        return reach;
    }

    private static Reach through(Layer layer, Reach below, int axis) {
        if (!layer.kind().isWindowed()) {
            throw new IllegalArgumentException(layer.name() + " is not a windowed layer");
        }
        AxisParams p = layer.axis(axis);
        BigInteger k = integer(p.k()), s = integer(p.s()), d = integer(p.d()), pad = integer(p.leftPadding());
        BigInteger lo0 = below.lo(windowMin(BigInteger.ZERO, k, s, d, pad));
        BigInteger lo1 = below.lo(windowMin(BigInteger.ONE, k, s, d, pad));
        BigInteger hi0 = below.hi(windowMax(BigInteger.ZERO, k, s, d, pad));
        var reach = new Reach(lo1.subtract(lo0), lo0, hi0);
        BigInteger two = BigInteger.TWO;
        if (!reach.hi(two).equals(below.hi(windowMax(two, k, s, d, pad)))) {
            throw new IllegalStateException("window of " + layer.name() + " is not affine in the output position");
        }
        return reach;
    }

    /** The positions o s - p + i d for i = 0..k-1, enumerated (small kernels) or by their ends. */
    private static BigInteger windowMin(BigInteger o, BigInteger k, BigInteger s, BigInteger d, BigInteger p) {
        return tap(o, s, p, d, BigInteger.ZERO).min(tap(o, s, p, d, k.subtract(BigInteger.ONE)));
    }

    private static BigInteger windowMax(BigInteger o, BigInteger k, BigInteger s, BigInteger d, BigInteger p) {
        BigInteger max = null;
        if (k.bitLength() < 12) {
            for (BigInteger i = BigInteger.ZERO; i.compareTo(k) < 0; i = i.add(BigInteger.ONE)) {
                BigInteger t = tap(o, s, p, d, i);
                max = max == null ? t : max.max(t);
            }
            return max;
        }
        return tap(o, s, p, d, BigInteger.ZERO).max(tap(o, s, p, d, k.subtract(BigInteger.ONE)));
    }

    private static BigInteger tap(BigInteger o, BigInteger s, BigInteger p, BigInteger d, BigInteger i) {
        return o.multiply(s).subtract(p).add(i.multiply(d));
    }

    private static Reach union(Net.ParallelNode block, Reach reach, int axis, Map<String, Span> out) {
        Reach merged = null;
        for (var path : block.paths()) {
            Reach r = walk(path, reach, axis, out);
            if (merged != null && !merged.a().equals(r.a())) {
                throw new IllegalArgumentException("paths of " + block.name() + " have different strides");
            }
            merged = merged == null ? r : new Reach(r.a(), merged.b().min(r.b()), merged.c().max(r.c()));
        }
        return merged;
    }

    private static BigInteger integer(Expr e) {
        Rational r = Exact.eval(e, Map.of());
        if (!r.isInteger()) throw new IllegalArgumentException("not a whole number: " + r);
        return r.num();
    }
}
