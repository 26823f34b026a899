package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import stepwise.ast.Expr;

/**
 * An expression cut where a long line may break: between the terms of a sum (also inside an
 * expectation or after a factor), each piece balanced on its own, so each can start a new row.
 */
final class Pieces {
    private Pieces() {}

    /** The pieces of {@code e}, cutting no piece that already fits in {@code budget} points. */
    static List<String> of(Expr e, double budget) {
        String whole = LatexExpr.of(e);
        if (LatexWidth.of(whole) <= budget) return List.of(whole);
        if (e instanceof Expr.Add a) return sum(a, budget);
        if (e instanceof Expr.Expect x && x.body() instanceof Expr.Add) {
            return wrapped("\\mathbb{E}_{" + LatexExpr.symbol(x.dist()) + "}\\Bigl[", of(x.body(), budget), "\\Bigr]");
        }
        if (e instanceof Expr.Mul m && isSum(m.factors().get(m.factors().size() - 1))) {
            var head = m.factors().subList(0, m.factors().size() - 1);
            String prefix = head.size() == 1 ? LatexExpr.of(head.get(0)) : LatexExpr.of(new Expr.Mul(head));
            Expr last = m.factors().get(m.factors().size() - 1);
            if (last instanceof Expr.Add a) return wrapped(prefix + " \\Bigl(", sum(a, budget), "\\Bigr)");
            return wrapped(prefix + " ", of(last, budget), "");
        }
        if (e instanceof Expr.BigOp b && b.body() instanceof Expr.Add a) {
            String op = (b.product() ? "\\prod_{" : "\\sum_{") + LatexExpr.symbol(b.var()) + "=" + LatexExpr.of(b.lo()) + "}^{" + LatexExpr.of(b.hi()) + "} ";
            return wrapped(op + "\\Bigl(", sum(a, budget), "\\Bigr)");
        }
        return List.of(whole);
    }

    private static boolean isSum(Expr e) {
        return e instanceof Expr.Add || e instanceof Expr.Expect x && x.body() instanceof Expr.Add;
    }

    private static List<String> sum(Expr.Add a, double budget) {
        var out = new ArrayList<String>();
        for (int i = 0; i < a.terms().size(); i++) {
            Expr t = a.terms().get(i);
            String sign = i == 0 ? "" : t instanceof Expr.Neg ? "- " : "+ ";
            Expr body = i > 0 && t instanceof Expr.Neg n ? n.arg() : t;
            boolean parens = body instanceof Expr.Add || (i > 0 && t instanceof Expr.Neg n && n.arg() instanceof Expr.Neg);
            if (parens) {
                out.add(sign + "\\left(" + LatexExpr.of(body) + "\\right)");
                continue;
            }
            var inner = of(body, budget);
            out.add(sign + inner.get(0));
            out.addAll(inner.subList(1, inner.size()));
        }
        return out;
    }

    private static List<String> wrapped(String open, List<String> inner, String close) {
        var out = new ArrayList<>(inner);
        out.set(0, open + out.get(0));
        out.set(out.size() - 1, out.get(out.size() - 1) + close);
        return out;
    }
}
