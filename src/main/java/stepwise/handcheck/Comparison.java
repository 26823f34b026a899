package stepwise.handcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;
import stepwise.ast.Statement.Relation;
import stepwise.cas.Cas;
import stepwise.result.Verdict;

/**
 * Compares the two sides of one relation. Numbers alone are compared exactly. Closed forms and
 * algebra are compared at a precision that separates near misses ({@code pi} and {@code 355/113},
 * a term of 1e-9): agreement to 1e-11 relative, and where the values differ by more but less than
 * 1e-7, only a Symja proof makes them equal. Expectations are integrated on two grids, and agree
 * when they are within 1e-7 relative or within eight times the two grids' disagreement.
 */
final class Comparison {
    static final double TIGHT = 1e-11;
    static final double LOOSE = 1e-7;
    /** Agreement a reader asks for with {@code \approx}: half a percent of the larger side (or 0.005 near zero). */
    static final double APPROX = 5e-3;
    static final int CAS_SECONDS = 2;

    private Comparison() {}

    static Verdict exact(Expr lhs, Relation rel, Expr rhs, Map<String, Rational> env) {
        Rational a = Exact.eval(lhs, env), b = Exact.eval(rhs, env);
        if (rel.holds(a.compareTo(b))) return Verdict.holds("symbolic");
        return Verdict.fails("symbolic", "the left side is " + a.toDecimalString() + ", the right side " + b.toDecimalString(),
                Map.of(), a.toDecimalString(), b.toDecimalString());
    }

    static boolean bothExact(Expr lhs, Expr rhs) {
        return Exprs.isClosed(lhs) && Exprs.isClosed(rhs) && Exact.isExact(lhs) && Exact.isExact(rhs);
    }

    private static boolean writesInfinity(Expr e) {
        return Exprs.contains(e, x -> x instanceof Expr.Sym s && s.name().equals("infinity"));
    }

    static boolean needsQuadrature(Expr e) {
        return Exprs.contains(e, x -> x instanceof Expr.Expect || x instanceof Expr.Divergence || x instanceof Expr.Integral);
    }

    /** Both sides at every sample point, then (for an equation without integrals) a Symja proof to name the method. */
    static Verdict sampled(Expr lhs, Relation rel, Expr rhs, SamplePoints points, Set<String> shown, boolean approx) {
        if (points.points().isEmpty()) return Verdict.unknown("numeric", "no point of the declared domains satisfies every declaration");
        boolean quadrature = needsQuadrature(lhs) || needsQuadrature(rhs);
        int judged = 0;
        Verdict nearMiss = null;
        for (var point : points.points()) {
            double a, b, error = 0;
            try {
                a = points.value(lhs, point);
                b = points.value(rhs, point);
                // The finer grid only where the coarse one leaves a gap: its change estimates the quadrature error.
                if (quadrature && !(Math.abs(a - b) <= LOOSE * Math.max(1, Math.max(Math.abs(a), Math.abs(b))))) {
                    error = Math.abs(points.fineValue(lhs, point) - a) + Math.abs(points.fineValue(rhs, point) - b);
                }
            } catch (RuntimeException cannot) {
                return Verdict.unknown("numeric", "cannot evaluate: " + cannot.getMessage());
            }
            if (Double.isNaN(a) && Double.isNaN(b)) continue;
            judged++;
            var at = printable(point, shown, points);
            if (Double.isNaN(a) != Double.isNaN(b)) {
                String undefined = Double.isNaN(a) ? "the left side" : "the right side";
                return Verdict.fails("numeric", undefined + " is undefined at " + at + " where the other is " + (Double.isNaN(a) ? b : a),
                        at, String.valueOf(a), String.valueOf(b));
            }
            if (Double.isInfinite(a) || Double.isInfinite(b)) {
                // An overflow is not a value: only an infinity the author wrote can be compared with one.
                if (a == b && (writesInfinity(lhs) || writesInfinity(rhs))) continue;
                return Verdict.unknown("numeric", "too large to evaluate in floating point" + (at.isEmpty() ? "" : " at " + at));
            }
            double scale = Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
            double gap = Math.abs(a - b);
            boolean equal = a == b || gap <= (approx ? APPROX : quadrature ? Math.max(LOOSE, 8 * error / scale) : TIGHT) * scale;
            if (!quadrature && !approx && !equal && gap <= LOOSE * scale && rel == Relation.EQ) {
                if (nearMiss == null) {
                    nearMiss = Verdict.fails("numeric", "the two sides differ by " + (a - b) + (at.isEmpty() ? "" : " at " + at)
                            + ", too much for rounding, and Symja does not show them equal",
                            at, String.valueOf(a), String.valueOf(b));
                }
                equal = true;
            }
            boolean ok = rel == Relation.EQ || rel == Relation.APPROX ? equal : rel.holds(Double.compare(a, b)) || equal && rel.symbol.contains("=");
            if (!ok) {
                return Verdict.fails("numeric", Infix.print(lhs) + " is " + a + " but " + Infix.print(rhs) + " is " + b,
                        at, String.valueOf(a), String.valueOf(b));
            }
        }
        if (judged == 0) return Verdict.unknown("numeric", "neither side is defined at any sample point");
        if (quadrature) return Verdict.holds("numeric");
        if (approx) return Verdict.holds("numeric");
        if (rel != Relation.EQ) return Verdict.holds("numeric");
        var proved = Cas.get().provesEqual(lhs, rhs, points.positive(), CAS_SECONDS);
        if (proved.orElse(false)) return Verdict.holds("symbolic");
        if (nearMiss != null) return nearMiss;
        return Verdict.holds("numeric");
    }

    /**
     * The point as printed in a counterexample: only the symbols the relation depends on; of an
     * indexed family such as {@code mu[j]}, the coordinates 1 to the largest whole-number bound.
     */
    static Map<String, String> printable(Map<String, Double> point, Set<String> shown, SamplePoints points) {
        var families = new java.util.HashSet<String>();
        double bound = 0;
        for (String k : shown) {
            int bracket = k.indexOf('[');
            if (bracket >= 0 && !k.substring(bracket + 1, k.length() - 1).matches("-?\\d+")) families.add(k.substring(0, bracket));
            if (points.isWhole(k) && point.containsKey(k)) bound = Math.max(bound, point.get(k));
        }
        var out = new LinkedHashMap<String, String>();
        for (var e : point.entrySet()) {
            String k = e.getKey();
            int bracket = k.indexOf('[');
            boolean show = shown.contains(k);
            if (!show && bracket >= 0 && families.contains(k.substring(0, bracket))) {
                String index = k.substring(bracket + 1, k.length() - 1);
                show = index.matches("\\d+") && Integer.parseInt(index) >= 1 && (bound == 0 || Integer.parseInt(index) <= bound);
            }
            double v = e.getValue();
            if (show) out.put(k, v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
        }
        return out;
    }
}
