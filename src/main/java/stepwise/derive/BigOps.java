package stepwise.derive;

import java.util.List;
import stepwise.ast.Expr;

/**
 * Sums and products whose body does not depend on their index, evaluated: {@code prod(j = 1..n, s)}
 * is {@code s^n}, {@code sum(i = 1..L, 2)} is {@code L 2}; an empty or constant product of ones is 1.
 * What is left for Symja is then plain algebra, which it tidies quickly.
 */
final class BigOps {
    private BigOps() {}

    static Expr evaluate(Expr e) {
        if (e instanceof Expr.BigOp b) {
            Expr body = evaluate(b.body());
            if (mentions(body, b.var())) return new Expr.BigOp(b.product(), b.var(), b.lo(), b.hi(), body);
            Expr count = Expr.add(Expr.sub(b.hi(), b.lo()), Expr.num(1));
            if (b.product()) return body.equals(Expr.num(1)) ? body : new Expr.Pow(body, count);
            return Expr.mul(count, body);
        }
        if (e instanceof Expr.Add a) return new Expr.Add(a.terms().stream().map(BigOps::evaluate).toList());
        if (e instanceof Expr.Mul m) return new Expr.Mul(m.factors().stream().map(BigOps::evaluate).toList());
        if (e instanceof Expr.Neg n) return new Expr.Neg(evaluate(n.arg()));
        if (e instanceof Expr.Div d) return new Expr.Div(evaluate(d.num()), evaluate(d.den()));
        if (e instanceof Expr.Pow p) return new Expr.Pow(evaluate(p.base()), evaluate(p.exponent()));
        return e;
    }

    static boolean mentions(Expr e, String var) {
        if (e instanceof Expr.Sym s) return s.name().equals(var);
        if (e instanceof Expr.Indexed ix) return ix.name().equals(var) || mentions(ix.index(), var);
        if (e instanceof Expr.Add a) return any(a.terms(), var);
        if (e instanceof Expr.Mul m) return any(m.factors(), var);
        if (e instanceof Expr.Neg n) return mentions(n.arg(), var);
        if (e instanceof Expr.Div d) return mentions(d.num(), var) || mentions(d.den(), var);
        if (e instanceof Expr.Pow p) return mentions(p.base(), var) || mentions(p.exponent(), var);
        if (e instanceof Expr.Fn f) return any(f.args(), var);
        if (e instanceof Expr.BigOp b) return mentions(b.lo(), var) || mentions(b.hi(), var) || (!b.var().equals(var) && mentions(b.body(), var));
        return !(e instanceof Expr.Num);
    }

    private static boolean any(List<Expr> es, String var) { return es.stream().anyMatch(x -> mentions(x, var)); }

    static boolean hasBigOp(Expr e) {
        if (e instanceof Expr.BigOp) return true;
        if (e instanceof Expr.Add a) return a.terms().stream().anyMatch(BigOps::hasBigOp);
        if (e instanceof Expr.Mul m) return m.factors().stream().anyMatch(BigOps::hasBigOp);
        if (e instanceof Expr.Neg n) return hasBigOp(n.arg());
        if (e instanceof Expr.Div d) return hasBigOp(d.num()) || hasBigOp(d.den());
        if (e instanceof Expr.Pow p) return hasBigOp(p.base()) || hasBigOp(p.exponent());
        if (e instanceof Expr.Fn f) return f.args().stream().anyMatch(BigOps::hasBigOp);
        return false;
    }
}
