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
 * positions an output position reads. Output position o of a convolution or pooling layer reads
 * positions {@code o s - p + i d} (i = 0..k-1) of the layer below. A stack of such layers is
 * composed through the window ends, which are affine in o, so the composition is carried by
 * evaluating it at o = 0 and o = 1 (and checked at o = 2); numbers of any size stay exact.
 * A stack with transposed or upsampling layers is enumerated position by position instead, by
 * {@link PositionSets}.
 */
public final class Windows {
    private Windows() {}

    /** The input span read by output position o of a layer: [jump o - pad, jump o - pad + rf - 1]. */
    public record Span(BigInteger rf, BigInteger jump, BigInteger pad) {}

    /**
     * What brute force finds for a layer or block: the largest and smallest receptive field over
     * output positions, the effective stride (a fraction after upsampling), the effective padding
     * (how far left of input 0 the window of the first output that reads anything starts, plus J
     * times that output's index), and, for a parallel block, whether its paths are aligned (null
     * for a layer). jump and pad are null after a block whose paths' strides differ.
     */
    public record Window(BigInteger rfMax, BigInteger rfMin, Rational jump, Rational pad, Boolean aligned) {}

    /** The span of every layer and parallel block (by name), for one axis of a stack of conv and pooling layers. */
    public static Map<String, Span> spans(Net net, int axis) {
        var out = new LinkedHashMap<String, Span>();
        windows(net, axis).forEach((name, w) -> {
            if (w == null || w.jump() == null) return;
            out.put(name, new Span(w.rfMax(), w.jump().num(), w.pad().num()));
        });
        return out;
    }

    /** The window of every layer and parallel block (by name), for one axis of a numeric stack; null where too large to enumerate. */
    public static Map<String, Window> windows(Net net, int axis) {
        if (net.allLayers().stream().anyMatch(l -> !l.kind().isWindowed())) return PositionSets.windows(net, axis);
        var out = new LinkedHashMap<String, Window>();
        walk(net.nodes(), new Reach(BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO), axis, out);
        return out;
    }

    /** Position o of the current layer reads input positions [a o + b, a o + c]. */
    private record Reach(BigInteger a, BigInteger b, BigInteger c) {
        BigInteger lo(BigInteger o) { return a.multiply(o).add(b); }
        BigInteger hi(BigInteger o) { return a.multiply(o).add(c); }
        BigInteger rf() { return c.subtract(b).add(BigInteger.ONE); }
        Window window(Boolean aligned) { return new Window(rf(), rf(), Rational.of(a), Rational.of(b.negate()), aligned); }
        /** Twice the centre of output 0's window: the same for every output of aligned paths. */
        BigInteger twiceCentre() { return b.add(c); }
    }

    private static Reach walk(List<Net.Node> nodes, Reach reach, int axis, Map<String, Window> out) {
        for (Net.Node node : nodes) {
            if (reach == null) { out.put(node.name(), null); continue; }
            if (node instanceof Net.LayerNode l) {
                reach = through(l.layer(), reach, axis);
                out.put(node.name(), reach.window(null));
            } else {
                reach = union((Net.ParallelNode) node, reach, axis, out);
            }
        }
        return reach;
    }

    private static Reach through(Layer layer, Reach below, int axis) {
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

    /**
     * The union of the paths' windows at the same output position. Paths are aligned when their
     * strides agree and their windows share a centre. Paths whose strides differ have no common
     * grid: the block's receptive field is then the largest of its paths', and nothing after it is
     * followed (null).
     */
    private static Reach union(Net.ParallelNode block, Reach reach, int axis, Map<String, Window> out) {
        Reach merged = null, first = null;
        boolean sameStride = true, sameCentre = true;
        BigInteger largest = BigInteger.ZERO, smallest = null;
        for (var path : block.paths()) {
            Reach r = walk(path, reach, axis, out);
            if (r == null) { out.put(block.name(), null); return null; }
            largest = largest.max(r.rf());
            smallest = smallest == null ? r.rf() : smallest.min(r.rf());
            if (first == null) first = r;
            sameStride &= first.a().equals(r.a());
            sameCentre &= first.twiceCentre().equals(r.twiceCentre());
            merged = merged == null ? r : new Reach(r.a(), merged.b().min(r.b()), merged.c().max(r.c()));
        }
        if (!sameStride) {
            out.put(block.name(), new Window(largest, largest, null, null, false));
            return null;
        }
        out.put(block.name(), merged.window(sameCentre));
        return merged;
    }

    static BigInteger integer(Expr e) {
        Rational r = Exact.eval(e, Map.of());
        if (!r.isInteger()) throw new IllegalArgumentException("not a whole number: " + r);
        return r.num();
    }
}
