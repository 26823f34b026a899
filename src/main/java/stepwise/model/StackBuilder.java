package stepwise.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.StackItem;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Assignment;
import stepwise.ast.Statement.StackDecl;
import stepwise.diag.BadInput;

/**
 * Turns a stack as written into a {@link Net}: checks every parameter, fills in defaults, applies
 * {@code where} assignments, and unrolls repeat blocks whose bounds are numbers.
 */
public final class StackBuilder {
    private static final int MAX_LAYERS = 10_000;

    private final StackDecl decl;
    private final Map<String, Map<Param, Assignment>> overrides = new HashMap<>();
    private final Map<String, Expr> symbolValues = new HashMap<>();
    private final Map<String, Span> seenNames = new LinkedHashMap<>();
    private final java.util.Set<Assignment> used = new java.util.HashSet<>();
    private final Map<String, Assignment> symbolAssignments = new HashMap<>();
    private int position;
    private boolean named;

    private StackBuilder(StackDecl decl, List<Assignment> where) {
        this.decl = decl;
        for (Assignment a : where) {
            if (a.ref().layer() == null) {
                symbolValues.put(a.ref().param(), a.value());
                symbolAssignments.put(a.ref().param(), a);
                continue;
            }
            Param p = Param.of(a.ref().param()).orElseThrow(() -> new BadInput(a.ref().span(),
                    "unknown parameter '" + a.ref().param() + "'; layer parameters are k, s, d, p, op, f"));
            overrides.computeIfAbsent(a.ref().layer(), k -> new EnumMap<>(Param.class)).put(p, a);
        }
    }

    /** A stack whose depth is a number. Throws {@link BadInput} for any problem, at its place. */
    public static Net net(StackDecl decl, List<Assignment> where) {
        var b = new StackBuilder(decl, where);
        if (general(decl) != null) {
            throw new BadInput(general(decl).span(), "stack " + decl.name() + " has a symbolic depth; derive its receptive field in general form");
        }
        List<Net.Node> nodes = b.nodes(decl.items(), Map.of(), "");
        b.checkAllUsed(where);
        if (nodes.isEmpty()) throw new BadInput(decl.span(), "stack " + decl.name() + " has no layers");
        return new Net(decl.name(), decl.dims(), nodes, b.named);
    }

    /** The single repeat block with a symbolic bound that makes a stack general, or null. */
    public static StackItem.Repeat general(StackDecl decl) {
        for (StackItem item : decl.items()) {
            if (item instanceof StackItem.Repeat r && !Exprs.isClosed(r.hi())) return r;
        }
        return null;
    }

    /** A stack of symbolic depth, for the closed form: exactly one repeat block of exactly one layer. */
    public static GeneralStack generalStack(StackDecl decl) {
        StackItem.Repeat r = general(decl);
        if (decl.items().size() != 1) throw new BadInput(decl.span(), "a stack of symbolic depth holds one repeat block and nothing else");
        if (r.body().size() != 1 || !(r.body().get(0) instanceof StackItem.LayerCall call)) {
            throw new BadInput(r.span(), "the repeat block of a stack of symbolic depth holds exactly one layer");
        }
        try {
            if (WholeNumber.check(r.lo(), "the first layer of the repeat", 0, WholeNumber.MAX_PARAM).isEmpty()) {
                throw new BadInput(r.span(), "a repeat of symbolic depth starts at a number, got " + WholeNumber.shown(r.lo()));
            }
            WholeNumber.check(r.hi(), "the last layer of the repeat", 0, WholeNumber.MAX_PARAM);
        } catch (IllegalArgumentException e) {
            throw new BadInput(r.span(), e.getMessage());
        }
        if (Exprs.freeSymbols(r.hi()).size() != 1 || Exprs.freeSymbols(r.hi()).contains(r.var())) {
            throw new BadInput(r.span(), "the depth of a repeat is one symbol (repeat " + r.var() + " = 1..L), got " + WholeNumber.shown(r.hi()));
        }
        for (var arg : call.params()) {
            for (int i = 0; i < arg.values().size(); i++) {
                var bad = new ArrayList<Expr>();
                Exprs.contains(arg.values().get(i), e -> {
                    if (e instanceof Expr.Indexed ix && !Exprs.freeSymbols(ix.index()).stream().allMatch(r.var()::equals)) bad.add(e);
                    return false;
                });
                if (!bad.isEmpty()) {
                    throw new BadInput(arg.valueSpans().get(i), stepwise.ast.Infix.print(bad.get(0)) + " is indexed by something other than the repeat variable "
                            + r.var() + "; write " + ((Expr.Indexed) bad.get(0)).name() + "[" + r.var() + "]");
                }
            }
        }
        var b = new StackBuilder(decl, List.of());
        Layer template = b.layer(call, call.name() == null ? "layer" : call.name(), Map.of());
        return new GeneralStack(decl.name(), r.var(), r.lo(), r.hi(), template, r.span());
    }

    private void checkAllUsed(List<Assignment> where) {
        for (Assignment a : where) {
            if (!used.contains(a) && a.ref().layer() == null) {
                throw new BadInput(a.ref().span(), "no layer of stack " + decl.name() + " uses the symbol '" + a.ref().param()
                        + "'; write LAYER." + a.ref().param() + " = ... for a layer parameter");
            }
            if (!used.contains(a)) {
                throw new BadInput(a.ref().span(), "no layer named '" + a.ref().layer() + "' in stack " + decl.name()
                        + (seenNames.isEmpty() ? "" : "; its layers are " + String.join(", ", seenNames.keySet())));
            }
        }
    }

    private List<Net.Node> nodes(List<StackItem> items, Map<String, Expr> loopVars, String suffix) {
        var out = new ArrayList<Net.Node>();
        for (StackItem item : items) {
            if (item instanceof StackItem.Repeat r) out.addAll(unroll(r, loopVars, suffix));
            else if (item instanceof StackItem.Parallel p) out.add(parallel(p, loopVars, suffix));
            else out.add(new Net.LayerNode(layerAt((StackItem.LayerCall) item, loopVars, suffix)));
        }
        return out;
    }

    private List<Net.Node> unroll(StackItem.Repeat r, Map<String, Expr> loopVars, String suffix) {
        BigInteger lo = bound(r.lo(), loopVars, r.span()), hi = bound(r.hi(), loopVars, r.span());
        if (hi.compareTo(lo) < 0) throw new BadInput(r.span(), "empty repeat range " + lo + ".." + hi + ": a repeat runs upwards");
        if (hi.subtract(lo).compareTo(BigInteger.valueOf(MAX_LAYERS)) > 0) {
            throw new BadInput(r.span(), "repeat block would make more than " + MAX_LAYERS + " layers");
        }
        var out = new ArrayList<Net.Node>();
        List<Layer> template = null;
        for (BigInteger i = lo; i.compareTo(hi) <= 0; i = i.add(BigInteger.ONE)) {
            if (template != null) {
                out.addAll(renamed(template, r.body(), suffix + "_" + i));
                continue;
            }
            var inner = new HashMap<>(loopVars);
            inner.put(r.var(), new Expr.Num(Rational.of(i)));
            var built = nodes(r.body(), inner, suffix + "_" + i);
            out.addAll(built);
            // A body that does not use the repeat variable gives the same layers every time: check them once.
            if (sameEveryTime(r) && built.stream().allMatch(n -> n instanceof Net.LayerNode)) {
                template = built.stream().map(n -> ((Net.LayerNode) n).layer()).toList();
            }
        }
        return out;
    }

    private boolean sameEveryTime(StackItem.Repeat r) {
        return r.body().stream().allMatch(item -> item instanceof StackItem.LayerCall call
                && call.params().stream().flatMap(a -> a.values().stream()).noneMatch(v -> Exprs.freeSymbols(v).contains(r.var())));
    }

    /** The template's layers again, under the names this repetition gives them. */
    private List<Net.Node> renamed(List<Layer> template, List<StackItem> body, String suffix) {
        var out = new ArrayList<Net.Node>(template.size());
        for (int j = 0; j < template.size(); j++) {
            var call = (StackItem.LayerCall) body.get(j);
            countLayer(call.span());
            String name = call.name() == null ? "L" + position : call.name() + suffix;
            claimName(name, call.span());
            Layer t = template.get(j);
            out.add(new Net.LayerNode(t.named(name)));
        }
        return out;
    }

    private static BigInteger bound(Expr e, Map<String, Expr> loopVars, Span span) {
        try {
            Rational v = Exact.eval(Exprs.substitute(e, loopVars), Map.of());
            if (!v.isInteger()) throw new BadInput(span, "repeat bounds must be whole numbers, got " + v.toDecimalString());
            if (v.num().abs().compareTo(BigInteger.valueOf(WholeNumber.MAX_LENGTH)) > 0) throw new BadInput(span, "repeat bound " + WholeNumber.shown(e) + " is too large");
            return v.num();
        } catch (Exact.NotExact | ArithmeticException ex) {
            throw new BadInput(span, "a repeat block inside a stack needs numeric bounds");
        }
    }

    private Net.Node parallel(StackItem.Parallel p, Map<String, Expr> loopVars, String suffix) {
        String name = p.name() == null ? freeBlockName("block" + (position + 1)) : p.name() + suffix;
        if (p.name() != null) named = true;
        claimName(name, p.span());
        var paths = p.paths().stream().map(path -> nodes(path, loopVars, suffix)).toList();
        return new Net.ParallelNode(name, paths, p.span());
    }

    /** An unnamed block is named by the position of its first layer; a block nested at the same position gets a letter. */
    private String freeBlockName(String name) {
        if (!seenNames.containsKey(name)) return name;
        for (char c = 'b'; ; c++) {
            String candidate = name + (c <= 'z' ? String.valueOf(c) : "_" + (c - 'a' + 1));
            if (!seenNames.containsKey(candidate)) return candidate;
        }
    }

    private Layer layerAt(StackItem.LayerCall call, Map<String, Expr> loopVars, String suffix) {
        countLayer(call.span());
        String name = call.name() == null ? "L" + position : call.name() + suffix;
        if (call.name() != null) named = true;
        claimName(name, call.span());
        return layer(call, name, loopVars);
    }

    private void countLayer(Span span) {
        if (++position > MAX_LAYERS) throw new BadInput(span, "stack " + decl.name() + " has more than " + MAX_LAYERS + " layers (the limit)");
    }

    private void claimName(String name, Span span) {
        Span first = seenNames.putIfAbsent(name, span);
        if (first != null) throw new BadInput(span, "duplicate layer name '" + name + "' (first at line " + first.line() + ")");
    }

    Layer layer(StackItem.LayerCall call, String name, Map<String, Expr> loopVars) {
        LayerKind kind = LayerKind.of(call.kind()).orElseThrow(() -> new BadInput(call.kindSpan(),
                "unknown layer '" + call.kind() + "'; layers are conv, maxpool, avgpool, tconv, upsample"));
        var written = new EnumMap<Param, Statement.Arg>(Param.class);
        boolean ceilMode = false, linear = false;
        for (var arg : call.params()) {
            if ("ceil_mode".equals(arg.name())) { ceilMode = PoolingRules.ceilMode(kind, arg); continue; }
            if ("mode".equals(arg.name())) { linear = PoolingRules.linearMode(kind, arg); continue; }
            written.put(checkedParam(kind, arg, written), arg);
        }
        var overriding = overrides.getOrDefault(call.name() == null ? name : call.name(), Map.of());
        var axes = new ArrayList<AxisParams>();
        for (int axis = 0; axis < decl.dims(); axis++) {
            axes.add(axisParams(kind, call, written, overriding, loopVars, axis));
        }
        overriding.values().forEach(used::add);
        return new Layer(name, kind, axes, call.span(), ceilMode, linear);
    }

    private Param checkedParam(LayerKind kind, Statement.Arg arg, Map<Param, Statement.Arg> written) {
        if (arg.name() == null) throw new BadInput(arg.span(), "layer parameters are named: write k=3, s=2, ...");
        Param p = Param.of(arg.name()).filter(kind.params::contains).orElseThrow(() -> new BadInput(arg.span(),
                kind.keyword + " has no parameter '" + arg.name() + "'; it takes " + names(kind)));
        if (written.containsKey(p)) throw new BadInput(arg.span(), "parameter '" + p.key + "' is given twice");
        if (arg.values().size() == 2 && decl.dims() == 1) {
            throw new BadInput(arg.span(), "a pair of values is for a 2d stack; stack " + decl.name() + " is 1d");
        }
        return p;
    }

    private static String names(LayerKind kind) {
        return String.join(", ", kind.params.stream().map(p -> p.key).toList());
    }

    private AxisParams axisParams(LayerKind kind, StackItem.LayerCall call, Map<Param, Statement.Arg> written,
                                  Map<Param, Assignment> overriding, Map<String, Expr> loopVars, int axis) {
        var values = new EnumMap<Param, Expr>(Param.class);
        Padding padding = new Padding.Explicit(AxisParams.ZERO);
        for (Param p : kind.params) {
            Span span = overriding.containsKey(p) ? overriding.get(p).span()
                    : written.containsKey(p) ? written.get(p).valueSpans().get(Math.min(axis, written.get(p).values().size() - 1)) : call.span();
            Expr value = valueOf(p, written.get(p), overriding.get(p), loopVars, axis);
            if (value == null) {
                if (p == Param.K || p == Param.F) throw new BadInput(call.span(), kind.keyword + " needs a " + p.title + ": write " + p.key + "=...");
                continue;
            }
            if (p == Param.P && value instanceof Expr.Sym s && (s.name().equals("same") || s.name().equals("valid"))) {
                padding = s.name().equals("same") ? new Padding.Same() : new Padding.Valid();
                continue;
            }
            values.put(p, validated(p, value, span));
            if (p == Param.P) padding = new Padding.Explicit(values.get(p));
        }
        var params = new AxisParams(values.getOrDefault(Param.K, AxisParams.ONE), values.getOrDefault(Param.S, AxisParams.ONE),
                values.getOrDefault(Param.D, AxisParams.ONE), padding, values.getOrDefault(Param.OP, AxisParams.ZERO),
                values.getOrDefault(Param.F, AxisParams.ONE));
        checkSame(kind, params, written.containsKey(Param.P) ? written.get(Param.P).span() : call.span());
        PoolingRules.checkPadding(kind, params, written.containsKey(Param.P) ? written.get(Param.P).span() : call.span());
        checkOutputPadding(params, written.containsKey(Param.OP) ? written.get(Param.OP).span() : call.span());
        return params;
    }

    private Expr valueOf(Param p, Statement.Arg arg, Assignment override, Map<String, Expr> loopVars, int axis) {
        Expr value = override != null ? override.value()
                : arg == null ? null
                : arg.values().get(Math.min(axis, arg.values().size() - 1));
        if (value == null) return null;
        value = Exprs.substitute(value, loopVars);
        if (symbolValues.isEmpty()) return value;
        for (String symbol : Exprs.freeSymbols(value)) if (symbolAssignments.containsKey(symbol)) used.add(symbolAssignments.get(symbol));
        return Exprs.substitute(value, symbolValues);
    }

    private static Expr validated(Param p, Expr value, Span span) {
        try {
            return p.validate(value);
        } catch (IllegalArgumentException e) {
            throw new BadInput(span, e.getMessage());
        }
    }

    private static void checkSame(LayerKind kind, AxisParams params, Span span) {
        if (!(params.p() instanceof Padding.Same)) return;
        // At stride 1 PyTorch and TensorFlow agree; pooling and strided 'same' are TensorFlow's, whose padding depends on the input length.
        if (kind == LayerKind.TCONV || kind == LayerKind.UPSAMPLE) throw new BadInput(span, "padding 'same' is for conv and pooling layers, not " + kind.keyword);
    }

    private static void checkOutputPadding(AxisParams params, Span span) {
        if (params.op() instanceof Expr.Num zero && zero.value().signum() == 0) return;
        try {
            Rational op = Exact.eval(params.op(), Map.of());
            Rational s = Exact.eval(params.s(), Map.of()), d = Exact.eval(params.d(), Map.of());
            if (op.signum() > 0 && op.compareTo(s) >= 0 && op.compareTo(d) >= 0) {
                throw new BadInput(span, "output padding must be smaller than the stride or the dilation, got op=" + op);
            }
        } catch (Exact.NotExact symbolic) {
            // A symbolic output padding cannot be checked until it has a value.
        }
    }
}
