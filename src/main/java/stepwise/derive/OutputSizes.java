package stepwise.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.ast.Statement.Relation;
import stepwise.ast.Statement.Target;
import stepwise.check.Lengths;
import stepwise.diag.BadInput;
import stepwise.model.AxisParams;
import stepwise.model.Layer;
import stepwise.model.LayerKind;
import stepwise.model.Net;
import stepwise.model.Padding;
import stepwise.model.Param;
import stepwise.result.Condition;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.rules.OutputSizeRules;
import stepwise.rules.Rule;

/** Derives the output length after every layer with PyTorch's formulas, checked by {@link Lengths}. */
final class OutputSizes {
    private static final Expr TWO = Expr.num(2);
    private static final Expr ONE = AxisParams.ONE;

    private final Net net;
    private final int axis;
    private final String axisLabel;
    private final List<Step> steps = new ArrayList<>();
    private final List<StackChecks.Claim> claims = new ArrayList<>();
    private final Map<String, Expr> sizes = new LinkedHashMap<>();
    /** The length entering the layer being derived, for error messages. */
    private Expr input;

    private OutputSizes(Net net, int axis) {
        this.net = net;
        this.axis = axis;
        this.axisLabel = net.dims() == 1 ? "" : axis == 0 ? AxisSymbols.HEIGHT : AxisSymbols.WIDTH;
    }

    static Result.Derivation derive(Net net, Target target, int line, List<Expr> lengths) {
        var steps = new ArrayList<Step>();
        var perAxis = new ArrayList<OutputSizes>();
        for (int axis = 0; axis < net.dims(); axis++) {
            Expr n = lengths.get(Math.min(axis, lengths.size() - 1));
            checkLength(n, target);
            var sizes = new OutputSizes(net, axis);
            sizes.walk(net.nodes(), new Expr.Sym("n"), n);
            final int ax = axis;
            steps.addAll(StackChecks.verify(net, sizes.steps, sizes.claims, Exprs.freeSymbols(n),
                    (concrete, point) -> truth(concrete, ax, n, point)));
            perAxis.add(sizes);
        }
        return new Result.Derivation(target.text(), line, AxisSymbols.tagged(net, steps), lastSize(net, perAxis), rows(net, perAxis), List.of());
    }

    private static void checkLength(Expr n, Target target) {
        var at = target.args().stream().filter(a -> "n".equals(a.name())).findFirst().map(a -> a.span()).orElse(target.span());
        try {
            stepwise.model.WholeNumber.check(n, "input length", 1, stepwise.model.WholeNumber.MAX_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new BadInput(at, e.getMessage());
        }
    }

    private static Map<String, Rational> truth(Net concrete, int axis, Expr n, Map<String, Rational> point) {
        Rational length = Exact.eval(n, point);
        var out = new LinkedHashMap<String, Rational>();
        Lengths.lengths(concrete, axis, length.num()).forEach((name, size) -> {
            // A point where some layer has no output lies outside the formulas' side condition: not a point to check at.
            if (size != null && size.signum() <= 0) throw new IllegalArgumentException("no output at this point: outside the side condition");
            if (size != null) out.put("n_" + name, Rational.of(size));
        });
        return out;
    }

    private static Expr lastSize(Net net, List<OutputSizes> perAxis) {
        return net.dims() == 1 ? perAxis.get(0).sizes.get(net.nodes().get(net.nodes().size() - 1).name()) : null;
    }

    private static List<LayerRow> rows(Net net, List<OutputSizes> perAxis) {
        // Where the windows depend on the output position, or on the length (TensorFlow's strided 'same'), receptive_field gives them.
        boolean windowed = net.allLayers().stream().allMatch(l -> l.kind().isWindowed() && !TfSame.strided(l));
        List<ReceptiveFields> rf = new ArrayList<>();
        if (windowed) for (int a = 0; a < net.dims(); a++) rf.add(ReceptiveFields.forAxis(net, a));
        var rows = new ArrayList<LayerRow>();
        for (String name : perAxis.get(0).sizes.keySet()) {
            var size = perAxis.stream().map(a -> a.sizes.get(name)).toList();
            if (!windowed) { rows.add(new LayerRow(name, List.of(), List.of(), List.of(), size)); continue; }
            var states = rf.stream().map(r -> r.states.get(name)).toList();
            rows.add(new LayerRow(name, states.stream().map(ReceptiveFields.State::rf).toList(),
                    states.stream().map(ReceptiveFields.State::jump).toList(), states.stream().map(ReceptiveFields.State::pad).toList(), size));
        }
        return rows;
    }

    private Expr walk(List<Net.Node> nodes, Expr prevName, Expr prev) {
        for (Net.Node node : nodes) {
            if (node instanceof Net.LayerNode l) {
                prev = layer(l.layer(), prevName, prev);
            } else {
                prev = parallel((Net.ParallelNode) node, prevName, prev);
            }
            prevName = Names.of("n", node.name());
            sizes.put(node.name(), prev);
        }
        return prev;
    }

    private Expr layer(Layer layer, Expr prevName, Expr prev) {
        input = prev;
        AxisParams p = layer.axis(axis);
        String n = layer.name();
        Expr k = p.k(), s = p.s(), d = p.d(), pad = p.get(Param.P), op = p.op(), f = p.f();
        Expr kN = Names.of("k", n), sN = Names.of("s", n), dN = Names.of("d", n), pN = Names.of("p", n);
        String section = "layer " + n + axisLabel;
        if (layer.kind() == LayerKind.UPSAMPLE) {
            return add(section, layer, OutputSizeRules.UPSAMPLE, List.of(Expr.mul(Names.of("f", n), prevName), Expr.mul(f, prev)),
                    "each input position becomes $f$ output positions");
        }
        if (layer.kind() == LayerKind.TCONV) {
            return add(section, layer, OutputSizeRules.TCONV,
                    List.of(tconv(prevName, sN, pN, dN, kN, Names.of("op", n)), tconv(prev, s, pad, d, k, op)),
                    "the last input writes up to $(n-1) s + d (k-1)$; $p$ cropped per side, $op$ added");
        }
        if (p.p() instanceof Padding.Same && !(s instanceof Expr.Num one && one.value().equals(Rational.ONE))) {
            return add(section, layer, OutputSizeRules.SAME_STRIDED, List.of(Expr.fn("ceil", new Expr.Div(prevName, sN)), Expr.fn("ceil", new Expr.Div(prev, s))),
                    "TensorFlow's 'same' keeps one output per $s$ inputs, rounded up");
        }
        if (p.p() instanceof Padding.Same) {
            return add(section, layer, OutputSizeRules.SAME, List.of(prevName, prev),
                    "'same' pads $d (k - 1)$ in all: the length is kept");
        }
        if (layer.ceilMode()) {
            return add(section, layer, OutputSizeRules.POOL_CEIL, List.of(ceilPool(prevName, pN, dN, kN, sN), ceilPool(prev, pad, d, k, s)),
                    "windows rounded up, but none may start in the right padding");
        }
        if (layer.kind() == LayerKind.AVGPOOL) {
            return add(section, layer, OutputSizeRules.AVGPOOL, List.of(avgpool(prevName, pN, kN, sN), avgpool(prev, pad, k, s)),
                    "windows of $k$ in the padded input, one every $s$",
                    hasOutput(new Expr.Add(List.of(prev, Expr.mul(TWO, pad), new Expr.Neg(k)))));
        }
        return add(section, layer, OutputSizeRules.CONV, List.of(conv(prevName, pN, dN, kN, sN), conv(prev, pad, d, k, s)),
                "windows of $d (k-1) + 1$ in the padded input, one every $s$",
                hasOutput(new Expr.Add(List.of(prev, Expr.mul(TWO, pad), new Expr.Neg(Expr.mul(d, Expr.sub(k, ONE))), new Expr.Neg(ONE)))));
    }

    /**
     * The side condition of a size formula with symbols: it holds where the first window fits in the
     * padded input (else the layer has no output and PyTorch refuses it); the check samples only there.
     */
    private static Condition hasOutput(Expr room) {
        if (Exprs.isClosed(room)) return null;
        var floor = FloorForm.of(room);
        // ⌊L/m⌋ >= 0 exactly where L >= 0; N - 9 >= 0 reads better as N >= 9.
        Expr left = floor.isPresent() ? floor.get().numerator().toExpr() : simplified(room);
        Expr right = Expr.num(0);
        if (floor.isPresent()) {
            var l = floor.get().numerator();
            if (l.coefficients().size() == 1 && l.coefficients().values().iterator().next().equals(Rational.ONE)) {
                left = new Expr.Sym(l.coefficients().keySet().iterator().next());
                right = Expr.num(l.constant().negate());
            }
        }
        return new Condition("the layer has output", left, Relation.GE, right);
    }

    /**
     * A size formula, simplified without asking the algebra engine about floors: floor(x/1) is x, since
     * every symbol of a size is a whole number; what remains is expanded as a polynomial.
     */
    static Expr simplified(Expr e) {
        if (Exprs.isClosed(e)) return Algebra.expandOrKeep(e);
        var floor = FloorForm.of(e);
        if (floor.isPresent()) return floor.get().toExpr();
        Expr noFloor = dropWholeFloors(e);
        if (!Exprs.contains(noFloor, x -> x instanceof Expr.Fn f && (f.name().equals("floor") || f.name().equals("ceil")))) {
            return Algebra.expandPolynomial(noFloor).orElse(noFloor);
        }
        return Exprs.map(noFloor, x -> x instanceof Expr.Fn f && f.name().equals("floor") && f.args().size() == 1 && f.args().get(0) instanceof Expr.Div div
                ? Expr.fn("floor", new Expr.Div(Algebra.expandPolynomial(div.num()).orElse(div.num()), div.den())) : x);
    }

    private static Expr dropWholeFloors(Expr e) {
        Expr mapped = Exprs.map(e, OutputSizes::dropWholeFloors);
        if (mapped instanceof Expr.Fn f && (f.name().equals("floor") || f.name().equals("ceil")) && f.args().size() == 1) {
            Expr arg = f.args().get(0);
            if (arg instanceof Expr.Div div && Exact.isExact(div.den()) && Exact.eval(div.den(), Map.of()).equals(Rational.ONE)) return div.num();
            if (!Exprs.contains(arg, x -> x instanceof Expr.Div || x instanceof Expr.Fn || x instanceof Expr.Pow p && !(p.exponent() instanceof Expr.Num))
                    && polynomialWithWholeCoefficients(arg)) return arg;
        }
        return mapped;
    }

    private static boolean polynomialWithWholeCoefficients(Expr e) {
        return !Exprs.contains(e, x -> x instanceof Expr.Num n && !n.value().isInteger());
    }

    private static Expr conv(Expr n, Expr p, Expr d, Expr k, Expr s) {
        Expr inner = new Expr.Add(List.of(n, Expr.mul(TWO, p), new Expr.Neg(Expr.mul(d, Expr.sub(k, ONE))), new Expr.Neg(ONE)));
        return Expr.add(Expr.fn("floor", new Expr.Div(inner, s)), ONE);
    }

    /** PyTorch's ceil_mode: the rounded-up count, less the last window when it would start past the input and the left padding. */
    private static Expr ceilPool(Expr n, Expr p, Expr d, Expr k, Expr s) {
        Expr inner = new Expr.Add(List.of(n, Expr.mul(TWO, p), new Expr.Neg(Expr.mul(d, Expr.sub(k, ONE))), new Expr.Neg(ONE)));
        Expr rounded = Expr.add(Expr.fn("ceil", new Expr.Div(inner, s)), ONE);
        Expr starts = Expr.add(Expr.fn("floor", new Expr.Div(Expr.sub(Expr.add(n, p), ONE), s)), ONE);
        return Expr.fn("min", rounded, starts);
    }

    private static Expr avgpool(Expr n, Expr p, Expr k, Expr s) {
        Expr inner = new Expr.Add(List.of(n, Expr.mul(TWO, p), new Expr.Neg(k)));
        return Expr.add(Expr.fn("floor", new Expr.Div(inner, s)), ONE);
    }

    private static Expr tconv(Expr n, Expr s, Expr p, Expr d, Expr k, Expr op) {
        return new Expr.Add(List.of(Expr.mul(Expr.sub(n, ONE), s), new Expr.Neg(Expr.mul(TWO, p)),
                Expr.mul(d, Expr.sub(k, ONE)), op, ONE));
    }

    private Expr parallel(Net.ParallelNode block, Expr prevName, Expr prev) {
        var ends = new ArrayList<Expr>();
        var endNames = new ArrayList<Expr>();
        for (var path : block.paths()) {
            ends.add(walk(path, prevName, prev));
            endNames.add(path.isEmpty() ? prevName : Names.of("n", path.get(path.size() - 1).name()));
        }
        var distinct = ends.stream().map(OutputSizes::simplified).distinct().toList();
        if (distinct.size() > 1) {
            throw new BadInput(block.span(), "the paths of '" + block.name() + "' give different lengths ("
                    + String.join(", ", distinct.stream().map(Infix::print).toList()) + "), so they cannot be combined");
        }
        String section = "block " + block.name() + axisLabel;
        Expr value = distinct.get(0);
        claims.add(new StackChecks.Claim(steps.size(), "n_" + block.name(), value));
        steps.add(new Step(section, OutputSizeRules.PARALLEL.id(), Names.of("n", block.name()), List.of(endNames.get(0), value),
                "every path gives this length", null));
        return value;
    }

    private Expr add(String section, Layer layer, Rule rule, List<Expr> chain, String why) { return add(section, layer, rule, chain, why, null); }

    private Expr add(String section, Layer layer, Rule rule, List<Expr> chain, String why, Condition condition) {
        Expr value = simplified(chain.get(chain.size() - 1));
        if (Exact.isExact(value) && Exact.eval(value, Map.of()).signum() <= 0) {
            throw new BadInput(layer.span(), "'" + layer.name() + "' leaves no output: " + Infix.print(chain.get(chain.size() - 1))
                    + " = " + Infix.print(value) + " for an input of length " + Infix.print(input));
        }
        var links = new ArrayList<>(chain);
        if (!links.get(links.size() - 1).equals(value)) links.add(value);
        claims.add(new StackChecks.Claim(steps.size(), "n_" + layer.name(), value));
        steps.add(new Step(section, rule.id(), Names.of("n", layer.name()), links, why, null, condition));
        return value;
    }

}
