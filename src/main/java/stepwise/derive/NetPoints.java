package stepwise.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.Net;
import stepwise.model.Padding;
import stepwise.model.Param;

/**
 * Random points inside the declared domain of a symbolic stack: a symbol written as a kernel
 * size, stride or dilation is a whole number >= 1, one written as a padding a whole number >= 0.
 * The seed is fixed so that output is reproducible.
 */
final class NetPoints {
    private static final int WIDTH = 7;

    private final Map<String, Integer> minimum = new LinkedHashMap<>();

    NetPoints(Net net, Set<String> extraSymbols) {
        for (Layer layer : net.allLayers()) {
            for (AxisParams axis : layer.axes()) {
                for (Param p : layer.kind().params) note(axis.get(p), p.min);
                if (axis.p() instanceof Padding.Same) note(axis.k(), 1);
            }
        }
        for (String s : extraSymbols) if (minimum.putIfAbsent(s, 1) == null) lengths.add(s);
    }

    /** Symbols that are not layer parameters (input lengths): drawn from a wider range, so that deep stacks have output. */
    private final Set<String> lengths = new java.util.HashSet<>();
    private static final int LENGTH_WIDTH = 64;

    private void note(Expr value, int min) {
        Set<String> symbols = Exprs.freeSymbols(value);
        boolean bare = value instanceof Expr.Sym || value instanceof Expr.Indexed;
        for (String s : symbols) minimum.merge(s, bare ? min : 1, Math::max);
    }

    Set<String> symbols() { return new LinkedHashSet<>(minimum.keySet()); }

    List<Map<String, Rational>> sample(int count, long seed) {
        var random = new Random(seed);
        var out = new ArrayList<Map<String, Rational>>();
        for (int i = 0; i < count; i++) {
            var point = new LinkedHashMap<String, Rational>();
            minimum.forEach((s, min) -> point.put(s, Rational.of(min + random.nextInt(lengths.contains(s) ? LENGTH_WIDTH : WIDTH))));
            out.add(point);
        }
        return out;
    }

    /** The stack with every symbol replaced by its value at the point; null if a value leaves its domain. */
    static Net instantiate(Net net, Map<String, Rational> point) {
        Map<String, Expr> values = new LinkedHashMap<>();
        point.forEach((k, v) -> values.put(k, new Expr.Num(v)));
        try {
            return new Net(net.name(), net.dims(), instantiate(net.nodes(), values), net.named());
        } catch (IllegalArgumentException outsideDomain) {
            return null;
        }
    }

    private static List<Net.Node> instantiate(List<Net.Node> nodes, Map<String, Expr> values) {
        var out = new ArrayList<Net.Node>();
        for (Net.Node n : nodes) {
            if (n instanceof Net.LayerNode l) {
                Layer layer = l.layer();
                var axes = layer.axes().stream().map(a -> instantiate(a, values)).toList();
                out.add(new Net.LayerNode(layer.withAxes(axes)));
            } else {
                var block = (Net.ParallelNode) n;
                out.add(new Net.ParallelNode(block.name(), block.paths().stream().map(p -> instantiate(p, values)).toList(), block.span()));
            }
        }
        return out;
    }

    private static AxisParams instantiate(AxisParams a, Map<String, Expr> values) {
        Padding p = a.p() instanceof Padding.Explicit e ? new Padding.Explicit(fold(e.amount(), values)) : a.p();
        return new AxisParams(fold(a.k(), values), fold(a.s(), values), fold(a.d(), values), p, fold(a.op(), values), fold(a.f(), values));
    }

    private static Expr fold(Expr e, Map<String, Expr> values) {
        Expr v = Exprs.substitute(e, values);
        return Exprs.num(stepwise.algebra.Exact.eval(v, Map.of()));
    }

    static Map<String, String> printable(Map<String, Rational> point) {
        var out = new LinkedHashMap<String, String>();
        point.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
