package stepwise.handcheck;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.cas.Cas;
import stepwise.result.Verdict;

/**
 * Why a line is wrong, beside its counterexample: the difference of the two sides simplified by
 * Symja (left minus right), and where it is plain the kind of slip: {@code sign} (one side is minus
 * the other), {@code factor} (a constant ratio), {@code missing-term} (the difference is one term),
 * {@code moment} (an expectation replaced by a wrong closed form), {@code arithmetic} (numbers
 * only), {@code substitution} (a wrong number put for a symbol), {@code index-bound} (a sum's range).
 */
final class Explanations {
    private Explanations() {}

    record Explanation(String difference, String slip) {}

    static Explanation of(Expr lhs, Expr rhs, Verdict verdict, SamplePoints points) {
        if (verdict.status() != Verdict.Status.FAILS) return new Explanation(null, null);
        if ("substitution".equals(verdict.method())) return new Explanation(null, "substitution");
        if (Comparison.bothExact(lhs, rhs)) {
            return new Explanation(difference(lhs, rhs, List.of()).orElse(null), "arithmetic");
        }
        boolean integrals = Comparison.needsQuadrature(lhs) || Comparison.needsQuadrature(rhs);
        String diff = integrals || points == null ? null : difference(lhs, rhs, points.positive()).orElse(null);
        // Symja's PowerExpand takes roots of squares as if every symbol were positive: a zero here proves nothing.
        if ("0".equals(diff)) diff = null;
        boolean closed = Exprs.isClosed(lhs) && Exprs.isClosed(rhs);
        return new Explanation(diff, closed ? null : slip(lhs, rhs, diff, integrals, points));
    }

    private static Optional<String> difference(Expr lhs, Expr rhs, List<Expr> positive) {
        return Cas.get().normalize(Expr.sub(lhs, rhs), positive, Comparison.CAS_SECONDS).map(Infix::print);
    }

    private static String slip(Expr lhs, Expr rhs, String diff, boolean integrals, SamplePoints points) {
        if (points != null) {
            Double ratio = constantRatio(lhs, rhs, points);
            if (ratio != null && Math.abs(ratio + 1) < 1e-9) return "sign";
            if (ratio != null && Math.abs(ratio - 1) > 1e-9) return "factor";
        }
        if (differentBounds(lhs, rhs)) return "index-bound";
        if (integrals && (Comparison.needsQuadrature(lhs) != Comparison.needsQuadrature(rhs))) return "moment";
        if (diff != null && !diff.contains("+") && !diff.substring(1).contains("-")) return "missing-term";
        return null;
    }

    /** left / right when it is the same nonzero constant at every point, else null. */
    private static Double constantRatio(Expr lhs, Expr rhs, SamplePoints points) {
        Double ratio = null;
        try {
            for (Map<String, Double> p : points.points()) {
                double a = points.value(lhs, p), b = points.value(rhs, p);
                if (!Double.isFinite(a) || !Double.isFinite(b) || Math.abs(b) < 1e-12 || Math.abs(a) < 1e-12) return null;
                double r = a / b;
                if (ratio == null) ratio = r;
                else if (Math.abs(r - ratio) > 1e-7 * Math.max(1, Math.abs(r))) return null;
            }
        } catch (RuntimeException cannot) {
            return null;
        }
        return ratio;
    }

    private static boolean differentBounds(Expr lhs, Expr rhs) {
        var a = bigOps(lhs);
        var b = bigOps(rhs);
        if (a.size() != 1 || b.size() != 1) return false;
        var x = a.get(0);
        var y = b.get(0);
        return x.body().equals(y.body()) && (!x.lo().equals(y.lo()) || !x.hi().equals(y.hi()));
    }

    private static List<Expr.BigOp> bigOps(Expr e) {
        var out = new java.util.ArrayList<Expr.BigOp>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr.BigOp> out) {
        if (e instanceof Expr.BigOp b) out.add(b);
        for (Expr c : Exprs.children(e)) collect(c, out);
    }
}
