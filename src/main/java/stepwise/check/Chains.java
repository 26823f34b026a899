package stepwise.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.ast.Statement.ChainLink;
import stepwise.ast.Statement.Relation;
import stepwise.cas.Cas;
import stepwise.model.Distribution;
import stepwise.result.Result;
import stepwise.result.Verdict;

/**
 * Checks a hand derivation, each line against the one before. Numbers alone are compared exactly.
 * Otherwise both sides are evaluated at random points of the declared domains (expectations by
 * quadrature): a point where they differ is a counterexample; when they agree everywhere, Symja is
 * asked for a proof ("symbolic"), and failing that the agreement stands ("numeric"). Symbols that no
 * distribution declares are sampled positive.
 */
public final class Chains {
    private Chains() {}

    public static Result.CheckReport check(String name, int line, List<ChainLink> chain, Map<String, Distribution> dists) {
        var lines = new ArrayList<Result.CheckedLine>();
        DomainPoints points = null;
        for (int i = 1; i < chain.size(); i++) {
            ChainLink left = chain.get(i - 1), right = chain.get(i);
            Expr lhs = left.expr(), rhs = right.expr();
            Verdict verdict;
            if (Exprs.isClosed(lhs) && Exprs.isClosed(rhs) && Exact.isExact(lhs) && Exact.isExact(rhs)) {
                verdict = exact(lhs, right.relation(), rhs);
            } else {
                if (points == null) points = points(chain, dists);
                verdict = sampled(lhs, right.relation(), rhs, points);
            }
            lines.add(new Result.CheckedLine(right.span().line(), right.relation(), lhs, rhs, verdict));
        }
        return new Result.CheckReport(name, line, lines);
    }

    private static Verdict exact(Expr lhs, Relation rel, Expr rhs) {
        Rational a = Exact.eval(lhs, Map.of()), b = Exact.eval(rhs, Map.of());
        if (rel.holds(a.compareTo(b))) return Verdict.holds("symbolic");
        return Verdict.fails("symbolic", "the left side is " + a.toDecimalString() + ", the right side " + b.toDecimalString(),
                Map.of(), a.toDecimalString(), b.toDecimalString());
    }

    /** Points for every distribution the chain names, and positive values for its other symbols. */
    private static DomainPoints points(List<ChainLink> chain, Map<String, Distribution> dists) {
        var named = new ArrayList<Distribution>();
        var symbols = new java.util.LinkedHashSet<String>();
        for (ChainLink link : chain) {
            symbols.addAll(Exprs.freeSymbols(link.expr()));
            collectDists(link.expr(), dists, named);
        }
        for (Distribution d : List.copyOf(named)) for (Expr p : d.params()) symbols.removeAll(Exprs.freeSymbols(p));
        named.forEach(d -> symbols.remove(d.variable()));
        symbols.removeIf(s -> s.endsWith("[]"));
        return new DomainPoints(named, List.of(), Map.of(), symbols, point -> true);
    }

    private static void collectDists(Expr e, Map<String, Distribution> dists, List<Distribution> out) {
        String name = e instanceof Expr.Expect x ? x.dist() : e instanceof Expr.Fn f ? f.name() : null;
        if (name != null && dists.containsKey(name) && !out.contains(dists.get(name))) out.add(dists.get(name));
        if (e instanceof Expr.Divergence d) {
            for (String n : List.of(d.q(), d.p())) if (dists.containsKey(n) && !out.contains(dists.get(n))) out.add(dists.get(n));
        }
        for (Expr c : Exprs.children(e)) collectDists(c, dists, out);
    }

    private static Verdict sampled(Expr lhs, Relation rel, Expr rhs, DomainPoints points) {
        if (points.points().isEmpty()) return Verdict.unknown("numeric", "no point of the declared domains to test at");
        for (var point : points.points()) {
            double a, b;
            try {
                a = points.value(lhs, point);
                b = points.value(rhs, point);
            } catch (RuntimeException cannot) {
                return Verdict.unknown("numeric", "cannot evaluate: " + cannot.getMessage());
            }
            if (Double.isNaN(a) || Double.isNaN(b)) return Verdict.unknown("numeric", "not a number at " + DomainPoints.printable(point));
            boolean ok = rel == Relation.EQ ? Expectations.close(a, b) : rel.holds(Double.compare(a, b)) || Expectations.close(a, b) && rel.symbol.contains("=");
            if (!ok) {
                return Verdict.fails("numeric", Infix.print(lhs) + " is " + a + " but " + Infix.print(rhs) + " is " + b,
                        DomainPoints.printable(point), String.valueOf(a), String.valueOf(b));
            }
        }
        if (rel != Relation.EQ || DomainPoints.hasExpectation(lhs) || DomainPoints.hasExpectation(rhs)) return Verdict.holds("numeric");
        boolean proved = Cas.get().provesEqual(lhs, rhs, points.positive()).orElse(false);
        return Verdict.holds(proved ? "symbolic" : "numeric");
    }

}
