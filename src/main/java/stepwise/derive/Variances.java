package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.model.Distribution;
import stepwise.model.Family;

/** Writes log sigma as 1/2 log sigma^2 when the author declared the variance as sigma^2, as lecture notes do. */
final class Variances {
    private Variances() {}

    static Expr asHalfLogs(Expr e, List<Distribution> dists) {
        var stds = new ArrayList<Expr>();
        for (Distribution d : dists) {
            if (d.family() == Family.NORMAL && d.param(1) instanceof Expr.Pow p && LectureDensities.std(d.param(1)).equals(p.base())) stds.add(p.base());
        }
        if (stds.isEmpty()) return e;
        return fold(rewrite(e, stds));
    }

    private static Expr rewrite(Expr e, List<Expr> stds) {
        if (e instanceof Expr.Fn f && f.name().equals("log") && stds.contains(f.args().get(0))) {
            return Expr.mul(Expr.num(Rational.of(1, 2)), Expr.fn("log", new Expr.Pow(f.args().get(0), Expr.num(2))));
        }
        return Exprs.map(e, c -> rewrite(c, stds));
    }

    /** 2 (1/2 x) is x, -(1/2 x) stays: numeric factors of nested products are multiplied out. */
    private static Expr fold(Expr e) {
        Expr folded = Exprs.map(e, Variances::fold);
        if (!(folded instanceof Expr.Mul m)) return folded;
        Rational c = Rational.ONE;
        var rest = new ArrayList<Expr>();
        for (Expr f : m.factors()) {
            if (f instanceof Expr.Num n) c = c.multiply(n.value());
            else if (f instanceof Expr.Mul inner) {
                for (Expr g : inner.factors()) {
                    if (g instanceof Expr.Num n) c = c.multiply(n.value()); else rest.add(g);
                }
            } else rest.add(f);
        }
        if (!c.equals(Rational.ONE)) rest.add(0, Exprs.num(c));
        if (rest.isEmpty()) return Expr.num(1);
        return rest.size() == 1 ? rest.get(0) : new Expr.Mul(rest);
    }
}
