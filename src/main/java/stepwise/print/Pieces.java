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
            return delimited("\\mathbb{E}_{" + LatexExpr.symbol(x.dist()) + "}", "[", of(x.body(), budget, tex), "]");
        }
        if (e instanceof Expr.Mul m && isSum(m.factors().get(m.factors().size() - 1))) {
            var head = m.factors().subList(0, m.factors().size() - 1);
            String prefix = head.size() == 1 ? tex.latex(head.get(0)) : tex.latex(new Expr.Mul(head));
            Expr last = m.factors().get(m.factors().size() - 1);
            if (last instanceof Expr.Add a) return delimited(prefix + " ", "(", sum(a, budget, tex), ")");
            return wrapped(prefix + " ", of(last, budget, tex), "");
        }
        if (e instanceof Expr.BigOp b && b.body() instanceof Expr.Add a) {
            String op = (b.product() ? "\\prod_{" : "\\sum_{") + LatexExpr.symbol(b.var()) + "=" + tex.latex(b.lo()) + "}^{" + tex.latex(b.hi()) + "} ";
            return delimited(op, "(", sum(a, budget, tex), ")");
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

    /**
     * Brackets around pieces that may go on rows of their own, so {@code \\left} cannot pair them:
     * fixed sizes as tall as the tallest piece's nesting of {@code \\left...\\right} (a log of an
     * exp of a squared fraction needs {@code \\Biggl[}).
     */
    private static List<String> delimited(String before, String open, List<String> inner, String close) {
        int depth = inner.stream().mapToInt(Pieces::nesting).max().orElse(0);
        String size = depth >= 3 ? "Bigg" : depth == 2 ? "bigg" : "Big";
        return wrapped(before + "\\" + size + "l" + open, inner, "\\" + size + "r" + close);
    }

    /** How deep {@code \\left...\\right} pairs nest in a piece. */
    static int nesting(String piece) {
        int depth = 0, deepest = 0;
        for (int i = piece.indexOf('\\'); i >= 0; i = piece.indexOf('\\', i + 1)) {
            if (piece.startsWith("\\left", i)) deepest = Math.max(deepest, ++depth);
            else if (piece.startsWith("\\right", i)) depth--;
        }
        return deepest;
    }

    private static List<String> wrapped(String open, List<String> inner, String close) {
        var out = new ArrayList<>(inner);
        out.set(0, open + out.get(0));
        out.set(out.size() - 1, out.get(out.size() - 1) + close);
        return out;
    }
}
