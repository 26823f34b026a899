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
import stepwise.model.SweepGrid;
import stepwise.result.Result;

/**
 * {@code sweep}: one derivation per value of a parameter, or per point of a two-parameter grid,
 * each derived and verified as {@code derive ... where} would derive it.
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
        return new Result.Sweep(w.target().text(), w.span().line(), grid.params(), rows);
    }

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
