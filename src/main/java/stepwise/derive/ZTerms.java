package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;
import stepwise.ast.Rational;

/**
 * Terms of a log density, seen as a coefficient that does not depend on the random variable times a
 * part that does: {@code -1/2 ((z - mu)/sigma)^2} is {@code -1/2 * 1/sigma^2} times {@code (z - mu)^2}.
 */
final class ZTerms {
    private ZTerms() {}

    /** A term as coefficient times z-part; the z-part is null for a constant term. */
    record Split(Expr coefficient, Expr zPart) {}

    static boolean dependsOn(Expr e, String z) { return Exprs.freeSymbols(e).contains(z); }

    static Split split(Expr e, String z) {
        if (!dependsOn(e, z)) return new Split(e, null);
        if (e instanceof Neg n) {
            Split inner = split(n.arg(), z);
            return new Split(negate(inner.coefficient()), inner.zPart());
        }
        if (e instanceof Mul m) {
            var coefficients = new ArrayList<Expr>();
            var parts = new ArrayList<Expr>();
            for (Expr f : m.factors()) {
                Split s = split(f, z);
                if (!isOne(s.coefficient())) coefficients.add(s.coefficient());
                if (s.zPart() != null) parts.add(s.zPart());
            }
            return new Split(product(coefficients), parts.size() == 1 ? parts.get(0) : new Mul(parts));
        }
        if (e instanceof Div d && !dependsOn(d.den(), z)) {
            Split s = split(d.num(), z);
            return new Split(isOne(s.coefficient()) ? new Div(Expr.num(1), d.den()) : new Div(s.coefficient(), d.den()), s.zPart());
        }
        if (e instanceof Pow p && !dependsOn(p.exponent(), z) && p.base() instanceof Div d && !dependsOn(d.den(), z)) {
            return new Split(new Div(Expr.num(1), new Pow(d.den(), p.exponent())), new Pow(d.num(), p.exponent()));
        }
        return new Split(Expr.num(1), e);
    }

    static Expr negate(Expr e) {
        if (e instanceof Neg n) return n.arg();
        if (e instanceof Num n) return Exprs.num(n.value().negate());
        return new Neg(e);
    }

    static boolean isOne(Expr e) { return e instanceof Num n && n.value().equals(Rational.ONE); }

    static Expr product(List<Expr> factors) {
        if (factors.isEmpty()) return Expr.num(1);
        return factors.size() == 1 ? factors.get(0) : new Mul(factors);
    }

    /** Is the z-part linear in z (a + b z with a, b free of z)? Then its mean is itself at z = E[z]. */
    static boolean isLinear(Expr e, String z) {
        if (e instanceof Sym s) return s.name().equals(z);
        if (e instanceof Add a) return a.terms().stream().allMatch(t -> !dependsOn(t, z) || isLinear(t, z));
        if (e instanceof Neg n) return isLinear(n.arg(), z);
        if (e instanceof Mul m) return m.factors().stream().filter(f -> dependsOn(f, z)).count() == 1
                && m.factors().stream().filter(f -> dependsOn(f, z)).allMatch(f -> isLinear(f, z));
        return false;
    }

    /** {@code (z - c)} as its shift c, or null; {@code z} alone has shift 0. */
    static Expr shift(Expr e, String z) {
        if (e instanceof Sym s && s.name().equals(z)) return Expr.num(0);
        if (e instanceof Add a && a.terms().size() == 2 && a.terms().get(0) instanceof Sym s && s.name().equals(z) && !dependsOn(a.terms().get(1), z)) {
            return negate(a.terms().get(1));
        }
        return null;
    }

    /** A sum as its terms, keeping the author's order. */
    static List<Expr> terms(Expr e) {
        return e instanceof Add a ? a.terms() : List.of(e);
    }

    /** A flat sum of the given terms, with subtraction distributed over a subtracted sum. */
    static Expr sum(List<Expr> terms) {
        var flat = new ArrayList<Expr>();
        for (Expr t : terms) {
            if (t instanceof Add a) flat.addAll(a.terms());
            else if (t instanceof Neg n && n.arg() instanceof Add a) a.terms().forEach(x -> flat.add(negate(x)));
            else flat.add(t);
        }
        if (flat.isEmpty()) return Expr.num(0);
        return flat.size() == 1 ? flat.get(0) : new Add(flat);
    }
}
