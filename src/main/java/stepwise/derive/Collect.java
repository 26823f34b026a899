package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

/** Takes a common numeric factor out of a sum, keeping the terms in the order they were derived. */
final class Collect {
    private Collect() {}

    record Piece(Rational coefficient, Expr rest) {}

    static Expr commonFactor(List<Expr> values) {
        var pieces = new ArrayList<Piece>();
        for (Expr v : values) for (Expr t : ZTerms.terms(v)) distribute(split(t), pieces);
        Rational c = pieces.isEmpty() ? Rational.ONE : abs(pieces.get(0).coefficient());
        boolean common = pieces.size() > 1 && !c.equals(Rational.ONE) && c.signum() != 0
                && pieces.stream().allMatch(piece -> abs(piece.coefficient()).equals(c));
        if (!common) return ZTerms.sum(values);
        var inside = new ArrayList<Expr>();
        for (Piece piece : pieces) {
            Expr rest = overDenominator(piece.rest());
            inside.add(piece.coefficient().signum() < 0 ? ZTerms.negate(rest) : rest);
        }
        return Expr.mul(Exprs.num(c), new Expr.Add(inside));
    }

    /** 1/2 (a + b) contributes 1/2 a and 1/2 b. */
    private static void distribute(Piece piece, List<Piece> out) {
        if (piece.rest() instanceof Expr.Add a && !piece.coefficient().equals(Rational.ONE)) {
            for (Expr t : a.terms()) {
                Piece inner = split(t);
                out.add(new Piece(piece.coefficient().multiply(inner.coefficient()), inner.rest()));
            }
        } else {
            out.add(piece);
        }
    }

    static Piece split(Expr e) {
        if (e instanceof Expr.Num n) return new Piece(n.value(), Expr.num(1));
        if (e instanceof Expr.Neg n) {
            Piece inner = split(n.arg());
            return new Piece(inner.coefficient().negate(), inner.rest());
        }
        if (e instanceof Expr.Mul m) {
            Rational c = Rational.ONE;
            var rest = new ArrayList<Expr>();
            for (Expr f : m.factors()) {
                Piece inner = split(f);
                c = c.multiply(inner.coefficient());
                if (!ZTerms.isOne(inner.rest())) rest.add(inner.rest());
            }
            return new Piece(c, ZTerms.product(rest));
        }
        if (e instanceof Expr.Div d) {
            Piece num = split(d.num()), den = split(d.den());
            Expr rest = ZTerms.isOne(den.rest()) ? num.rest() : new Expr.Div(num.rest(), den.rest());
            return new Piece(num.coefficient().divide(den.coefficient()), rest);
        }
        return new Piece(Rational.ONE, e);
    }

    /** {@code 1/v (a + b)} reads better as {@code (a + b)/v}. */
    private static Expr overDenominator(Expr e) {
        if (e instanceof Expr.Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Expr.Div d && ZTerms.isOne(d.num())) {
            return new Expr.Div(m.factors().get(1), d.den());
        }
        return e;
    }

    private static Rational abs(Rational r) { return r.signum() < 0 ? r.negate() : r; }
}
