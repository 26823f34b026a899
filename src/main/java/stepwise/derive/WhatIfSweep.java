package stepwise.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Statement;
import stepwise.ast.Statement.Assignment;
import stepwise.diag.BadInput;
import stepwise.model.Distribution;
import stepwise.model.SweepGrid;
import stepwise.result.Result;

/**
 * {@code sweep}: one derivation per value of a parameter, or per point of a two-parameter grid,
 * each derived and verified as {@code derive ... where} would derive it (for a KL divergence, as
 * {@code derive KL(q || p)} would with the values written into q and p).
 */
final class WhatIfSweep {
    private WhatIfSweep() {}

    static Result.Sweep sweep(Statement.Sweep w, Statement.StackDecl stack) {
        SweepGrid grid = grid(w);
        var rows = new ArrayList<Result.SweepRow>();
        for (List<Expr> point : grid.points()) {
            List<Assignment> where = w.where();
            for (int i = 0; i < point.size(); i++) where = WhatIf.with(where, w.axes().get(i).param(), point.get(i));
            Result.Derivation d = WhatIf.single(w.target(), stack, where, w.span().line());
            var stopped = d.notes().stream().filter(n -> n.startsWith("the layers after block")).findFirst();
            if (stopped.isPresent()) throw new BadInput(w.span(), w.target().text() + " has no single value: " + stopped.get());
            rows.add(new Result.SweepRow(point, d.result(), WhatIf.summary(d.steps())));
        }
        return new Result.Sweep(target(w), w.span().line(), grid.params(), rows);
    }

    /**
     * A KL divergence swept over symbols of its distributions' parameters ({@code sweep KL(q || p)
     * over sigma = [1, 2, 3], mu = [0, 1]}): at each point the values are put into q and p, which are
     * checked as declarations are, and the divergence is derived and verified afresh.
     */
    static Result.Sweep kl(Statement.Sweep w, Map<String, Distribution> dists) {
        var used = symbolsOf(w.target(), dists);
        for (var axis : w.axes()) requireSymbol(axis.param(), used);
        for (Assignment a : w.where()) requireSymbol(a.ref(), used);
        SweepGrid grid = grid(w);
        var rows = new ArrayList<Result.SweepRow>();
        for (List<Expr> point : grid.points()) {
            var values = new java.util.LinkedHashMap<String, Expr>();
            for (Assignment a : w.where()) values.put(a.ref().param(), a.value());
            for (int i = 0; i < point.size(); i++) values.put(w.axes().get(i).param().param(), point.get(i));
            var at = new java.util.LinkedHashMap<String, Distribution>();
            for (var d : dists.values()) at.put(d.name(), put(d, values, w, point));
            Result.Derivation d = KlTargets.derive(new Statement.Derive(w.span(), w.target(), List.of()), at);
            rows.add(new Result.SweepRow(point, d.result(), WhatIf.summary(d.steps())));
        }
        return new Result.Sweep(target(w), w.span().line(), grid.params(), rows);
    }

    /** The plain symbols of the parameters of the distributions a {@code KL(q || p)} target names. */
    private static java.util.Set<String> symbolsOf(Statement.Target t, Map<String, Distribution> dists) {
        var out = new java.util.TreeSet<String>();
        if (t.args().size() != 1 || !"||".equals(t.args().get(0).name())) return out; // the derivation says what is wrong
        for (Expr name : t.args().get(0).values()) {
            var d = dists.get(((Expr.Sym) name).name());
            if (d != null) d.params().forEach(p -> out.addAll(stepwise.algebra.Exprs.freeSymbols(p)));
        }
        out.removeIf(n -> n.endsWith("[]"));
        return out;
    }

    private static void requireSymbol(Statement.ParamRef ref, java.util.Set<String> used) {
        if (ref.layer() != null || !used.contains(ref.param())) {
            throw new BadInput(ref.span(), "a KL divergence is swept over a symbol of its distributions' parameters"
                    + (used.isEmpty() ? "" : " (" + String.join(", ", used) + ")") + ", not " + ref.text());
        }
    }

    /** A distribution with the point's values put into its parameters, checked as its declaration was. */
    private static Distribution put(Distribution d, Map<String, Expr> values, Statement.Sweep w, List<Expr> point) {
        var params = d.params().stream().map(p -> stepwise.algebra.Exprs.substitute(p, values)).toList();
        try {
            return new Distribution(d.name(), d.variable(), d.family(), params, d.index());
        } catch (IllegalArgumentException e) {
            var where = new ArrayList<String>();
            for (int i = 0; i < point.size(); i++) where.add(w.axes().get(i).param().text() + " = " + stepwise.ast.Infix.print(point.get(i)));
            throw new BadInput(w.axes().get(0).valuesSpan(), "at " + String.join(", ", where) + ", " + d.family().title + " " + d.name() + ": " + e.getMessage());
        }
    }

    /** The target with the sweep's where clause, as a derivation's target keeps it (headings and JSON say what was assumed). */
    private static String target(Statement.Sweep w) { return WhatIf.withWhere(w.target().text(), w.where()); }

    /** The grid the sweep runs over; a problem is located at the parameter that causes it. */
    private static SweepGrid grid(Statement.Sweep w) {
        var axes = new ArrayList<SweepGrid.Axis>();
        for (var axis : w.axes()) axes.add(new SweepGrid.Axis(axis.param().text(), values(axis)));
        try {
            return new SweepGrid(axes);
        } catch (IllegalArgumentException e) {
            throw new BadInput(w.axes().get(w.axes().size() - 1).param().span(), e.getMessage());
        }
    }

    private static List<Expr> values(Statement.SweepAxis axis) {
        var sv = axis.values();
        if (sv.list() != null) return sv.list();
        Rational lo = exact(sv.lo(), axis), hi = exact(sv.hi(), axis);
        if (!lo.isInteger() || !hi.isInteger()) throw new BadInput(axis.valuesSpan(), "a sweep range runs over whole numbers, got " + lo + ".." + hi);
        if (hi.compareTo(lo) < 0) throw new BadInput(axis.valuesSpan(), "empty sweep range " + lo + ".." + hi);
        // Checked before the values are listed, so that 1..10^12 is refused without making them.
        if (hi.subtract(lo).compareTo(Rational.of(SweepGrid.MAX_POINTS)) >= 0) {
            throw new BadInput(axis.valuesSpan(), "a sweep has at most " + SweepGrid.MAX_POINTS + " rows");
        }
        var out = new ArrayList<Expr>();
        for (BigInteger i = lo.num(); i.compareTo(hi.num()) <= 0; i = i.add(BigInteger.ONE)) out.add(Expr.num(Rational.of(i)));
        return out;
    }

    private static Rational exact(Expr e, Statement.SweepAxis axis) {
        try {
            return Exact.eval(e, Map.of());
        } catch (Exact.NotExact ex) {
            throw new BadInput(axis.valuesSpan(), "a sweep range needs numeric bounds");
        }
    }
}
