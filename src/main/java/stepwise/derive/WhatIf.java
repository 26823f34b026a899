package stepwise.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Assignment;
import stepwise.ast.Statement.Relation;
import stepwise.ast.Statement.Target;
import stepwise.check.Windows;
import stepwise.diag.BadInput;
import stepwise.model.Net;
import stepwise.model.Param;
import stepwise.model.StackBuilder;
import stepwise.model.WholeNumber;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;
import stepwise.rules.WhatIfRules;

/** {@code solve} (the least value meeting a target), and the single derivation a sweep's point or a solve's probe stands on. */
final class WhatIf {
    private WhatIf() {}

    /** A target with the values it was derived at, as headings and the JSON say it: {@code receptive_field(S) where H1.s = 2}. */
    static String withWhere(String target, List<Assignment> where) {
        if (where.isEmpty()) return target;
        return target + " where " + String.join(", ", where.stream().map(a -> a.ref().text() + " = " + Infix.print(a.value())).toList());
    }

    /** The where clause with one more assignment, replacing any earlier one of the same parameter. */
    static List<Assignment> with(List<Assignment> where, Statement.ParamRef ref, Expr value) {
        var out = new ArrayList<Assignment>();
        for (Assignment a : where) if (!a.ref().text().equals(ref.text())) out.add(a);
        out.add(new Assignment(ref.span(), ref, value));
        return out;
    }

    /** The derivation a sweep row or a solve probe stands on: the stack's output RF or length. */
    static Result.Derivation single(Target t, Statement.StackDecl stack, List<Assignment> where, int line) {
        Net net = StackBuilder.net(stack, where);
        requireOneAxis(t, net);
        return switch (t.function()) {
            case "receptive_field" -> ReceptiveFields.derive(net, t.text(), line);
            case "output_size" -> OutputSizes.derive(net, t, line, Session.lengthArg(t));
            default -> throw new BadInput(t.span(), "a sweep takes receptive_field(S), output_size(S, n=...) or KL(q || p)");
        };
    }

    static Verification summary(List<Step> steps) {
        if (steps.stream().anyMatch(s -> s.verification().status() == Verification.Status.FAILED)) {
            return steps.stream().map(Step::verification).filter(v -> v.status() == Verification.Status.FAILED).findFirst().orElseThrow();
        }
        if (steps.stream().allMatch(s -> s.verification().ok())) {
            return Verification.verified(steps.get(0).verification().method(), "every step checked (" + steps.size() + " steps)");
        }
        return Verification.unknown("brute-force", "some steps could not be checked");
    }

    // ---- solve ------------------------------------------------------------------------------

    static Result.Solution solve(Statement.Solve v, Statement.StackDecl stack) {
        Target t = v.target();
        if (!t.function().equals("receptive_field")) throw new BadInput(t.span(), "solve works on receptive_field(S) targets");
        Rational bound = boundOf(v);
        int min = v.param().layer() == null ? 1 : Param.of(v.param().param()).map(p -> p.min).orElse(1);
        if (v.param().layer() == null) checkWholeParameter(v, stack.items());
        Expr x = v.param().layer() == null ? new Expr.Sym(v.param().param()) : Names.of(v.param().param(), v.param().layer());
        Rational f0 = rfAt(v, stack, min), f1 = rfAt(v, stack, min + 1), f2 = rfAt(v, stack, min + 2);
        // The answer comes from a search that needs only that RF never decreases as the parameter grows.
        Rational answer = search(v, stack, min, bound, f0);
        Rational slope = f1.subtract(f0);
        Rational intercept = f0.subtract(slope.multiply(Rational.of(min)));
        boolean affine = v.param().layer() != null && f2.subtract(f1).equals(slope) && !hasParallel(StackBuilder.net(stack, with(v.where(), v.param(), Expr.num(min))))
                && java.util.Objects.equals(smallest(intercept, slope, v.relation(), bound, min), answer);
        String param = inWords(v.param());
        String values = "RF = " + f0 + ", " + f1 + ", " + f2 + " when " + theParam(v.param()) + " is " + min + ", " + (min + 1) + ", " + (min + 2);
        Expr rf = Names.of("RF", lastName(stack, v));
        var steps = new ArrayList<Step>();
        if (!affine) return monotone(v, stack, t, x, rf, values, answer, min, bound);
        Expr line = affine(intercept, slope, x);
        steps.add(new Step("receptive field as a function of " + theParam(v.param()), WhatIfRules.AFFINE.id(), rf, List.of(line),
                values, Verification.verified("brute-force", "the three values come from window arithmetic")));
        // In words, with the relation as the reader knows it (RF >= 100): the formula is on the line itself.
        String relation = "RF " + v.relation().symbol + " " + bound;
        if (answer == null) {
            String reason = "no whole " + param + " from " + min + " up gives " + relation;
            steps.add(new Step("solution", WhatIfRules.THRESHOLD.id(), x, List.of(x), reason,
                    Verification.verified("exact", "an affine function's solution set is an interval: its ends were checked")));
            return new Result.Solution(t.text(), v.span().line(), v.param().text(), v.relation(), Exprs.num(bound), null, reason, steps);
        }
        steps.add(new Step("solution", WhatIfRules.THRESHOLD.id(), x, threshold(intercept, slope, bound, answer),
                "the smallest whole " + param + " from " + min + " with " + relation, checkAnswer(v, stack, answer, min, bound)));
        return new Result.Solution(t.text(), v.span().line(), v.param().text(), v.relation(), Exprs.num(bound), Exprs.num(answer), null, steps);
    }

    /** A receptive field that is not affine in the parameter (a parallel block takes its widest path): the searched answer. */
    private static Result.Solution monotone(Statement.Solve v, Statement.StackDecl stack, Target t, Expr x, Expr rf, String values,
                                            Rational answer, int min, Rational bound) {
        var steps = new ArrayList<Step>();
        String param = inWords(v.param());
        steps.add(new Step("receptive field as a function of " + theParam(v.param()), WhatIfRules.MONOTONE.id(), rf, List.of(Expr.fn("RF", x)),
                values + "; not affine in " + theParam(v.param()) + ", but it never decreases as it grows",
                Verification.verified("brute-force", "the values come from window arithmetic")));
        String relation = "RF " + v.relation().symbol + " " + bound;
        if (answer == null) {
            long last = v.relation() == Relation.LT || v.relation() == Relation.LE ? min : WholeNumber.MAX_PARAM;
            BigInteger at = bruteRf(v, stack, BigInteger.valueOf(last));
            String reason = "no whole " + param + " from " + min + " to " + WholeNumber.MAX_PARAM + " (the largest value allowed) gives " + relation;
            Verification check = holds(Rational.of(at), v.relation(), bound)
                    ? Verification.failed("brute-force", "window arithmetic gives RF = " + at + " at " + last)
                    : Verification.verified("brute-force", "window arithmetic: RF = " + at + " at " + v.param().text() + " = " + last
                            + ", and RF never decreases as " + v.param().text() + " grows");
            steps.add(new Step("solution", WhatIfRules.MONOTONE.id(), x, List.of(x), reason, check));
            return new Result.Solution(t.text(), v.span().line(), v.param().text(), v.relation(), Exprs.num(bound), null, reason, steps);
        }
        steps.add(new Step("solution", WhatIfRules.MONOTONE.id(), x, List.of(Exprs.num(answer)),
                "the smallest whole " + param + " from " + min + " with " + relation + " (found by doubling, then halving)",
                checkAnswer(v, stack, answer, min, bound)));
        return new Result.Solution(t.text(), v.span().line(), v.param().text(), v.relation(), Exprs.num(bound), Exprs.num(answer), null, steps);
    }

    /** The same in a sentence: "the dilation of H3", but a free symbol alone ("$k$"). */
    private static String theParam(Statement.ParamRef ref) { return (ref.layer() == null ? "" : "the ") + inWords(ref); }

    /** A solved-for parameter in words: "dilation of H3", or a free symbol as math ("$k$"). */
    private static String inWords(Statement.ParamRef ref) {
        if (ref.layer() == null) return "$" + Names.tex(ref.param()) + "$";
        return Param.of(ref.param()).map(p -> p.title).orElse(ref.param()) + " of " + ref.layer();
    }

    /**
     * The least whole x from min to the largest allowed parameter with RF(x) (relation) bound, for an RF
     * that never decreases in x: below a bound the least x is min or none; above one, doubling finds
     * a value that meets it and halving the least one.
     */
    private static Rational search(Statement.Solve v, Statement.StackDecl stack, int min, Rational bound, Rational atMin) {
        Relation rel = v.relation();
        if (rel == Relation.LT || rel == Relation.LE) return holds(atMin, rel, bound) ? Rational.of(min) : null;
        boolean exact = rel == Relation.EQ || rel == Relation.APPROX;
        Relation reach = exact ? Relation.GE : rel;
        if (holds(atMin, reach, bound)) return exact && !atMin.equals(bound) ? null : Rational.of(min);
        long lo = min, hi = min + 1;
        while (!holds(rfAt(v, stack, hi), reach, bound)) {
            if (hi >= WholeNumber.MAX_PARAM) return null;
            lo = hi;
            hi = Math.min(WholeNumber.MAX_PARAM, 2 * hi);
        }
        while (hi - lo > 1) { // RF(lo) misses, RF(hi) meets
            long mid = lo + (hi - lo) / 2;
            if (holds(rfAt(v, stack, mid), reach, bound)) hi = mid; else lo = mid;
        }
        if (exact && !rfAt(v, stack, hi).equals(bound)) return null;
        return Rational.of(hi);
    }

    private static boolean hasParallel(Net net) {
        return net.nodes().stream().anyMatch(n -> n instanceof Net.ParallelNode);
    }

    /** Solving for a symbol needs it written as a whole parameter (k=k1), so that RF never decreases as it grows. */
    private static void checkWholeParameter(Statement.Solve v, List<stepwise.ast.StackItem> items) {
        String symbol = v.param().param();
        for (var item : items) {
            if (item instanceof stepwise.ast.StackItem.Repeat r) checkWholeParameter(v, r.body());
            else if (item instanceof stepwise.ast.StackItem.Parallel p) p.paths().forEach(path -> checkWholeParameter(v, path));
            else for (var arg : ((stepwise.ast.StackItem.LayerCall) item).params()) {
                for (int i = 0; i < arg.values().size(); i++) {
                    Expr value = arg.values().get(i);
                    boolean bare = value instanceof Expr.Sym s && s.name().equals(symbol);
                    if (!bare && Exprs.freeSymbols(value).contains(symbol)) {
                        throw new BadInput(arg.valueSpans().get(i), "solve for " + symbol + " needs it written as a whole parameter (" + arg.name() + "=" + symbol
                                + "), not inside " + Infix.print(value));
                    }
                }
            }
        }
    }

    /** a + b x, written without a zero term or a unit coefficient. */
    private static Expr affine(Rational a, Rational b, Expr x) {
        Expr bx = b.equals(Rational.ONE) ? x : Expr.mul(Exprs.num(b), x);
        if (b.signum() == 0) return Exprs.num(a);
        return a.signum() == 0 ? bx : Expr.add(Exprs.num(a), bx);
    }

    private static List<Expr> threshold(Rational a, Rational b, Rational bound, Rational answer) {
        if (b.signum() == 0) return List.of(Exprs.num(answer));
        Expr ratio = new Expr.Div(Expr.sub(Exprs.num(bound), Exprs.num(a)), Exprs.num(b));
        return List.of(Expr.fn("ceil", ratio), Exprs.num(answer));
    }

    private static Rational boundOf(Statement.Solve v) {
        try {
            return Exact.eval(v.bound(), Map.of());
        } catch (Exact.NotExact e) {
            throw new BadInput(v.span(), "solve needs a numeric target, got " + Infix.print(v.bound()));
        }
    }

    private static String lastName(Statement.StackDecl stack, Statement.Solve v) {
        Net net = StackBuilder.net(stack, with(v.where(), v.param(), Expr.num(1)));
        return net.nodes().get(net.nodes().size() - 1).name();
    }

    private static void requireOneAxis(Target t, Net net) {
        if (net.dims() != 1) {
            throw new BadInput(t.span(), "sweep and solve work on 1d stacks; stack " + net.name() + " is 2d (declare a 1d stack for the axis you need)");
        }
    }

    /** The output RF with the parameter at x, derived and checked; other parameters must be numbers. */
    private static Rational rfAt(Statement.Solve v, Statement.StackDecl stack, long x) {
        Net net = StackBuilder.net(stack, with(v.where(), v.param(), Expr.num(x)));
        requireOneAxis(v.target(), net);
        var rf = ReceptiveFields.forAxis(net, 0).outputRf(v.span());
        if (!Exact.isExact(rf)) {
            throw new BadInput(v.span(), "solve needs every other parameter to be a number; the receptive field is " + Infix.print(rf));
        }
        return Exact.eval(rf, Map.of());
    }

    /** The least whole x >= min with a + b x (rel) bound: the set is an interval, so x is min or next to the root. */
    static Rational smallest(Rational a, Rational b, Relation rel, Rational bound, int min) {
        var candidates = new java.util.TreeSet<Rational>();
        candidates.add(Rational.of(min));
        if (b.signum() != 0) {
            Rational root = bound.subtract(a).divide(b);
            candidates.add(Rational.of(root.ceil()));
            candidates.add(Rational.of(root.floor().add(BigInteger.ONE)));
        }
        for (Rational x : candidates) {
            if (x.compareTo(Rational.of(min)) >= 0 && holds(a.add(b.multiply(x)), rel, bound)) return x;
        }
        return null;
    }

    static boolean holds(Rational value, Relation rel, Rational bound) { return rel.holds(value.compareTo(bound)); }

    /** Brute force at the answer and one below it: the answer meets the target, the value below does not. */
    private static Verification checkAnswer(Statement.Solve v, Statement.StackDecl stack, Rational answer, int min, Rational bound) {
        BigInteger at = bruteRf(v, stack, answer.num());
        if (!holds(Rational.of(at), v.relation(), bound)) {
            return Verification.failed("brute-force", "window arithmetic gives RF = " + at + " at " + answer);
        }
        String detail = "window arithmetic: RF = " + at + " at " + v.param().text() + " = " + answer;
        if (answer.compareTo(Rational.of(min)) > 0) {
            BigInteger below = bruteRf(v, stack, answer.num().subtract(BigInteger.ONE));
            if (holds(Rational.of(below), v.relation(), bound)) {
                return Verification.failed("brute-force", "window arithmetic gives RF = " + below + " already at " + answer.subtract(Rational.ONE));
            }
            detail += ", RF = " + below + " at " + answer.subtract(Rational.ONE);
        }
        return Verification.verified("brute-force", detail);
    }

    private static BigInteger bruteRf(Statement.Solve v, Statement.StackDecl stack, BigInteger x) {
        Net net = StackBuilder.net(stack, with(v.where(), v.param(), Expr.num(Rational.of(x))));
        var spans = Windows.spans(net, 0);
        return spans.get(net.nodes().get(net.nodes().size() - 1).name()).rf();
    }
}
