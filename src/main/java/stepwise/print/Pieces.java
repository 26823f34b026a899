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
    static List<String> of(Expr e, double budget, LatexExpr tex) {
        String whole = tex.latex(e);
        if (LatexWidth.of(whole) <= budget) return List.of(whole);
        if (e instanceof Expr.Add a) return sum(a, budget, tex);
        if (e instanceof Expr.Expect x && x.body() instanceof Expr.Add) {
            return wrapped("\\mathbb{E}_{" + LatexExpr.symbol(x.dist()) + "}\\Bigl[", of(x.body(), budget, tex), "\\Bigr]");
        }
        if (e instanceof Expr.Mul m && isSum(m.factors().get(m.factors().size() - 1))) {
            var head = m.factors().subList(0, m.factors().size() - 1);
            String prefix = head.size() == 1 ? tex.latex(head.get(0)) : tex.latex(new Expr.Mul(head));
            Expr last = m.factors().get(m.factors().size() - 1);
            if (last instanceof Expr.Add a) return wrapped(prefix + " \\Bigl(", sum(a, budget, tex), "\\Bigr)");
            return wrapped(prefix + " ", of(last, budget, tex), "");
        }
        if (e instanceof Expr.BigOp b && b.body() instanceof Expr.Add a) {
            String op = (b.product() ? "\\prod_{" : "\\sum_{") + LatexExpr.symbol(b.var()) + "=" + tex.latex(b.lo()) + "}^{" + tex.latex(b.hi()) + "} ";
            return wrapped(op + "\\Bigl(", sum(a, budget, tex), "\\Bigr)");
        }
        return List.of(whole);
    }

    private static boolean isSum(Expr e) {
        return e instanceof Expr.Add || e instanceof Expr.Expect x && x.body() instanceof Expr.Add;
    }

    private static List<String> sum(Expr.Add a, double budget, LatexExpr tex) {
        var out = new ArrayList<String>();
        for (int i = 0; i < a.terms().size(); i++) {
            Expr t = a.terms().get(i);
            String sign = i == 0 ? "" : t instanceof Expr.Neg ? "- " : "+ ";
            Expr body = i > 0 && t instanceof Expr.Neg n ? n.arg() : t;
            boolean parens = body instanceof Expr.Add || (i > 0 && t instanceof Expr.Neg n && n.arg() instanceof Expr.Neg);
            if (parens) {
                out.add(sign + "\\left(" + tex.latex(body) + "\\right)");
                continue;
            }
            var inner = of(body, budget, tex);
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
