package stepwise.derive;

import java.util.List;
import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.algebra.Numeric;
import stepwise.ast.Rational;
import stepwise.model.Distribution;
import stepwise.model.Family;

/** The side condition of KL between uniforms: q's support must lie inside p's, or the KL is infinite. */
final class Uniforms {
    private Uniforms() {}

    static boolean isPair(Distribution q, Distribution p) { return q.family() == Family.UNIFORM && p.family() == Family.UNIFORM; }

    /** At a sample point: p's support contains q's (always true for other families). */
    static boolean nested(Distribution q, Distribution p, Map<String, Double> point) {
        if (!isPair(q, p)) return true;
        double a1 = Numeric.eval(q.param(0), point), b1 = Numeric.eval(q.param(1), point);
        double a2 = Numeric.eval(p.param(0), point), b2 = Numeric.eval(p.param(1), point);
        return a2 <= a1 && b1 <= b2;
    }

    /** For numeric bounds: the reason the supports are not nested, or null when they are (or cannot be told). */
    static String notNested(Distribution q, Distribution p) {
        if (!isPair(q, p)) return null;
        try {
            Rational a1 = Exact.eval(q.param(0), Map.of()), b1 = Exact.eval(q.param(1), Map.of());
            Rational a2 = Exact.eval(p.param(0), Map.of()), b2 = Exact.eval(p.param(1), Map.of());
            if (a1.compareTo(a2) < 0) return q.name() + " gives probability to [" + a1.toDecimalString() + ", " + a2.toDecimalString() + "), where " + p.name() + " has none";
            if (b1.compareTo(b2) > 0) return q.name() + " gives probability to (" + b2.toDecimalString() + ", " + b1.toDecimalString() + "], where " + p.name() + " has none";
            return null;
        } catch (Exact.NotExact symbolic) {
            return null;
        }
    }

    static List<String> notes(Distribution q, Distribution p) {
        if (!isPair(q, p)) return List.of();
        return List.of("derived for nested supports, " + stepwise.ast.Infix.print(p.param(0)) + " <= " + stepwise.ast.Infix.print(q.param(0))
                + " and " + stepwise.ast.Infix.print(q.param(1)) + " <= " + stepwise.ast.Infix.print(p.param(1)) + "; otherwise KL(" + q.name() + " || " + p.name() + ") is infinite");
    }
}
