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
            if (a1.compareTo(a2) < 0) return math(Names.tex(q.name())) + " gives probability to " + math("[" + a1.toDecimalString() + ", " + a2.toDecimalString() + ")")
                    + ", where " + math(Names.tex(p.name())) + " has none";
            if (b1.compareTo(b2) > 0) return math(Names.tex(q.name())) + " gives probability to " + math("(" + b2.toDecimalString() + ", " + b1.toDecimalString() + "]")
                    + ", where " + math(Names.tex(p.name())) + " has none";
            return null;
        } catch (Exact.NotExact symbolic) {
            return null;
        }
    }

    /** The condition the derivation assumes, in words with inline TeX math, as the justifications are written. */
    static List<String> notes(Distribution q, Distribution p) {
        if (!isPair(q, p)) return List.of();
        return List.of("derived for nested supports, " + math(tex(p.param(0)) + " \\leq " + tex(q.param(0))) + " and "
                + math(tex(q.param(1)) + " \\leq " + tex(p.param(1))) + "; otherwise " + math(kl(q, p)) + " is infinite");
    }

    /** KL(q || p) as inline TeX. */
    static String kl(Distribution q, Distribution p) {
        return "\\mathrm{KL}(" + Names.tex(q.name()) + " \\,\\|\\, " + Names.tex(p.name()) + ")";
    }

    /** A bound as TeX: a name as the file wrote it (a_{1} for a1), a number, or else its infix form. */
    private static String tex(stepwise.ast.Expr e) {
        return e instanceof stepwise.ast.Expr.Sym s ? Names.tex(s.name()) : stepwise.ast.Infix.print(e);
    }

    private static String math(String tex) { return "$" + tex + "$"; }
}
