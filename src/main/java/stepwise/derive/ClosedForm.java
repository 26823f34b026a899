package stepwise.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.check.Windows;
import stepwise.diag.BadInput;
import stepwise.model.AxisParams;
import stepwise.model.GeneralStack;
import stepwise.model.Layer;
import stepwise.model.Net;
import stepwise.model.Param;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;
import stepwise.rules.InductionRules;
import stepwise.rules.ReceptiveFieldRules;
import stepwise.rules.Rule;

/**
 * The general closed form of a stack of symbolic depth, {@code repeat l = 1..L { conv(k=k[l], ...) }}:
 * RF_L = 1 + sum (k_l - 1) d_l prod_{j<l} s_j, proved by induction from the recurrence. Each step is
 * checked on random instances (random depth and parameters), against the window arithmetic.
 */
final class ClosedForm {
    private static final int INSTANCES = 8;
    private static final int MAX_DEPTH = 7;

    private final GeneralStack g;
    private final String l, j, i;
    private final Expr lo;
    private final Random random = new Random(StackChecks.SEED);

    private ClosedForm(GeneralStack g) {
        if (g.template().axes().size() != 1) throw new BadInput(g.span(), "the general closed form is derived for 1d stacks");
        if (!g.template().kind().isWindowed()) throw new BadInput(g.span(), "the general closed form needs conv or pooling layers");
        this.g = g;
        this.l = g.var();
        var free = new java.util.ArrayList<>(List.of("j", "i", "m", "q"));
        free.remove(l);
        this.j = free.get(0);
        this.i = free.get(1);
        this.lo = g.lo();
        if (Exprs.freeSymbols(g.hi()).size() != 1) throw new BadInput(g.span(), "the depth of a general stack is one symbol, such as L");
    }

    static Result.Derivation derive(GeneralStack g, String target, int line) {
        return new ClosedForm(g).derive(target, line);
    }

    // The template's parameters with the repeat variable replaced: k(l), s(j), ...
    private Expr param(Param p, Expr at) {
        AxisParams a = g.template().axis(0);
        Expr value = p == Param.P ? a.leftPadding() : a.get(p);
        return Exprs.substitute(value, Map.of(l, at));
    }

    private Expr sym(String name) { return new Expr.Sym(name); }

    private Expr minusOne(Expr e) { return Expr.sub(e, AxisParams.ONE); }

    /** prod_{j=lo}^{upper} s_j */
    private Expr strides(Expr upper) { return new Expr.BigOp(true, j, lo, upper, param(Param.S, sym(j))); }

    /** (k_i - 1) d_i prod_{j=lo}^{i-1} s_j: what layer i adds to the receptive field. */
    private Expr term(Expr i) {
        return new Expr.Mul(List.of(minusOne(param(Param.K, i)), param(Param.D, i), strides(minusOne(i))));
    }

    /** 1 + sum_{v=lo}^{upper} term(v); the induction sums over i so that l stays free. */
    private Expr closedRf(Expr upper, String v) {
        return Expr.add(AxisParams.ONE, new Expr.BigOp(false, v, lo, upper, term(sym(v))));
    }

    private Expr closedRf(Expr upper) { return closedRf(upper, i); }

    private boolean unpadded() {
        return g.template().axis(0).get(Param.P) instanceof Expr.Num n && n.value().signum() == 0;
    }

    private Expr closedPad(Expr upper) {
        if (unpadded()) return AxisParams.ZERO;
        return new Expr.BigOp(false, l, lo, upper, new Expr.Mul(List.of(param(Param.P, sym(l)), strides(minusOne(sym(l))))));
    }

    private Expr rf(Expr at) { return new Expr.Indexed("RF", at); }

    private Result.Derivation derive(String target, int line) {
        var steps = new ArrayList<Step>();
        Expr L = g.hi();
        Expr ell = sym(l);
        Expr prev = minusOne(ell);
        // The recurrence, stated for this stack.
        steps.add(step("recurrence", ReceptiveFieldRules.BASE, rf(lo),
                List.of(Expr.add(new Expr.Mul(List.of(param(Param.D, lo), minusOne(param(Param.K, lo)))), AxisParams.ONE)),
                "the first layer reads $k_1$ inputs spaced $d_1$ apart", List.of()));
        steps.add(step("recurrence", ReceptiveFieldRules.JUMP, new Expr.Indexed("J", ell),
                List.of(new Expr.Mul(List.of(new Expr.Indexed("J", prev), param(Param.S, ell))), strides(ell)),
                "$J_0 = 1$; each layer multiplies it by its stride",
                List.of(new Expr.Mul(List.of(strides(prev), param(Param.S, ell))), strides(ell))));
        steps.add(step("recurrence", ReceptiveFieldRules.RECURRENCE, rf(ell),
                List.of(Expr.add(rf(prev), new Expr.Mul(List.of(minusOne(param(Param.K, ell)), param(Param.D, ell), new Expr.Indexed("J", prev)))),
                        Expr.add(rf(prev), term(ell))),
                "$J_{l-1} = \\prod_{j<l} s_j$ by rf-jump",
                List.of(new Expr.Mul(List.of(minusOne(param(Param.K, ell)), param(Param.D, ell), strides(prev))), term(ell))));
        // The claim, by induction on l.
        Expr baseValue = Expr.add(new Expr.Mul(List.of(param(Param.D, lo), minusOne(param(Param.K, lo)))), AxisParams.ONE);
        steps.add(step("claim, by induction on " + l, InductionRules.BASE_CASE, rf(lo),
                List.of(closedRf(lo), Expr.add(AxisParams.ONE, term(lo)), baseValue),
                "one term, an empty product (= 1): rf-base", List.of(closedRf(lo), baseValue)));
        steps.add(step("claim, by induction on " + l, InductionRules.HYPOTHESIS, rf(prev), List.of(closedRf(prev)),
                "assumed for $" + l + " - 1 \\geq " + infixOf(lo) + "$", List.of()));
        steps.add(step("claim, by induction on " + l, InductionRules.STEP, rf(ell),
                List.of(Expr.add(rf(prev), term(ell)), Expr.add(closedRf(prev), term(ell)), closedRf(ell)),
                "rf-recurrence, the hypothesis, one more term", List.of(Expr.add(closedRf(prev), term(ell)), closedRf(ell))));
        // The conclusion for the whole stack, checked against window arithmetic.
        var truths = instances(L);
        steps.add(step("conclusion", ReceptiveFieldRules.CLOSED_FORM, rf(L), List.of(closedRf(L, l)),
                "base case and step give every $" + l + "$, so $" + l + " = " + infixOf(L) + "$", List.of())
                .verifiedBy(checkAgainst(truths, "RF", closedRf(L, l))));
        steps.add(step("conclusion", ReceptiveFieldRules.JUMP_CLOSED_FORM, new Expr.Indexed("J", L), List.of(strides(L)),
                "unrolling rf-jump from $J_0 = 1$", List.of()).verifiedBy(checkAgainst(truths, "J", strides(L))));
        steps.add(step("conclusion", ReceptiveFieldRules.PADDING_CLOSED_FORM, new Expr.Indexed("P", L), List.of(closedPad(L)),
                unpadded() ? "no layer pads" : "unrolling rf-padding from $P_0 = 0$", List.of()).verifiedBy(checkAgainst(truths, "P", closedPad(L))));
        Expr rf = evaluated(steps, rf(L), closedRf(L, l));
        evaluated(steps, new Expr.Indexed("J", L), strides(L));
        evaluated(steps, new Expr.Indexed("P", L), closedPad(L));
        return new Result.Derivation(target, line, steps, rf, List.of(), List.of());
    }

    /**
     * The closed form with its sums and products evaluated by Symja where they can be (a uniform
     * stack gives 2L + 1, J_L = s^L), as one more step after the unevaluated form, checked at random
     * depths like the others. Returns the simplest form reached.
     */
    private Expr evaluated(List<Step> steps, Expr subject, Expr closed) {
        Expr plain = BigOps.evaluate(closed);
        if (BigOps.hasBigOp(plain)) return closed;
        var simple = Algebra.expandPolynomial(plain); // a number (no layer pads: 0) never goes to Symja
        if (simple.isEmpty() || simple.get().equals(closed)) return closed;
        // As a lecturer writes it: the constant last, 2L + 1.
        if (simple.get() instanceof Expr.Add a && a.terms().get(0) instanceof Expr.Num) {
            var terms = new java.util.ArrayList<>(a.terms().subList(1, a.terms().size()));
            terms.add(a.terms().get(0));
            simple = java.util.Optional.of(new Expr.Add(terms));
        }
        steps.add(step("conclusion", ReceptiveFieldRules.CLOSED_FORM_EVALUATED, subject, List.of(closed, simple.get()),
                "the sums and products evaluated", List.of(closed, simple.get())));
        return simple.get();
    }


    private static String infixOf(Expr e) { return stepwise.ast.Infix.print(e); }

    /**
     * A step whose links (or, when {@code equal} is given, those expressions) must agree at random
     * depths and parameter values; a single-link step is checked by the instances at the end.
     */
    private Step step(String section, Rule rule, Expr subject, List<Expr> chain, String why, List<Expr> equal) {
        var s = new Step(section, rule.id(), subject, chain, why, null);
        List<Expr> compared = equal.isEmpty() ? chain : equal;
        if (compared.size() < 2) return s.verifiedBy(Verification.verified("definition", "the rule as stated for this stack"));
        return s.verifiedBy(agree(compared));
    }

    /** Random l, and parameter values for layers lo..l: every expression must take the same value. */
    private Verification agree(List<Expr> exprs) {
        var points = new ArrayList<Map<String, String>>();
        for (int n = 0; n < INSTANCES; n++) {
            Map<String, Rational> env = randomLayers(2 + random.nextInt(MAX_DEPTH - 1));
            Rational first = null;
            for (Expr e : exprs) {
                Rational v;
                try {
                    v = Exact.eval(e, env);
                } catch (Exact.NotExact | ArithmeticException ex) {
                    return Verification.unknown("numeric", "cannot evaluate " + infixOf(e));
                }
                if (first == null) first = v;
                else if (!first.equals(v)) {
                    return Verification.failed("numeric", "at " + env + ": " + first + " vs " + v).withPoints(List.of(NetPoints.printable(env)));
                }
            }
            points.add(NetPoints.printable(env));
        }
        return Verification.verified("numeric", "both sides agree exactly at " + INSTANCES + " random depths and parameter values").withPoints(points);
    }

    /** Random values for the repeat variable's top value and for every parameter of layers lo..top. */
    private Map<String, Rational> randomLayers(int depth) {
        var env = new LinkedHashMap<String, Rational>();
        long first = Exact.eval(lo, Map.of()).num().longValueExact();
        long top = first + depth - 1;
        env.put(l, Rational.of(top));
        String depthSymbol = Exprs.freeSymbols(g.hi()).iterator().next();
        env.put(depthSymbol, Rational.of(top));
        for (long i = first; i <= top; i++) {
            for (Param p : g.template().kind().params) {
                Expr value = param(p, Expr.num(i));
                for (String key : Exprs.freeSymbols(value)) {
                    if (!env.containsKey(key)) env.put(key, Rational.of(p.min + random.nextInt(p == Param.K ? 6 : 3)));
                }
            }
        }
        return env;
    }

    private record Instance(Map<String, Rational> env, Windows.Span span) {}

    /** Random stacks of the template, each with its true RF, J and P from window arithmetic. */
    private List<Instance> instances(Expr L) {
        var out = new ArrayList<Instance>();
        for (int n = 0; n < INSTANCES; n++) {
            var env = randomLayers(1 + random.nextInt(MAX_DEPTH));
            long first = Exact.eval(lo, Map.of()).num().longValueExact();
            long top = Exact.eval(L, env).num().longValueExact();
            var nodes = new ArrayList<Net.Node>();
            for (long i = first; i <= top; i++) nodes.add(new Net.LayerNode(concrete(i, env)));
            var net = new Net("instance", 1, nodes, false);
            out.add(new Instance(env, Windows.spans(net, 0).get(nodes.get(nodes.size() - 1).name())));
        }
        return out;
    }

    private Layer concrete(long i, Map<String, Rational> env) {
        Map<String, Expr> values = new LinkedHashMap<>();
        env.forEach((k, v) -> values.put(k, new Expr.Num(v)));
        values.put(l, Expr.num(i));
        AxisParams t = g.template().axis(0);
        var axis = new AxisParams(fold(t.k(), values), fold(t.s(), values), fold(t.d(), values),
                new stepwise.model.Padding.Explicit(fold(t.get(Param.P), values)), AxisParams.ZERO, AxisParams.ONE);
        return new Layer("L" + i, g.template().kind(), List.of(axis), g.template().span());
    }

    private static Expr fold(Expr e, Map<String, Expr> values) {
        return Exprs.num(Exact.eval(Exprs.substitute(e, values), Map.of()));
    }

    private Verification checkAgainst(List<Instance> instances, String quantity, Expr formula) {
        for (Instance in : instances) {
            BigInteger truth = quantity.equals("RF") ? in.span().rf() : quantity.equals("J") ? in.span().jump() : in.span().pad();
            Rational claimed = Exact.eval(formula, in.env());
            if (!claimed.equals(Rational.of(truth))) {
                return Verification.failed("brute-force", "at " + in.env() + " window arithmetic gives " + quantity + " = " + truth
                        + ", the closed form " + claimed).withPoints(List.of(NetPoints.printable(in.env())));
            }
        }
        return Verification.verified("brute-force", "equals window arithmetic on " + instances.size() + " random stacks (depth 1 to " + MAX_DEPTH + ")")
                .withPoints(instances.stream().map(i -> NetPoints.printable(i.env())).toList());
    }
}
