package stepwise.derive;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import stepwise.algebra.Linear;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

/**
 * A length through a stack of numeric layers as one floor, {@code ⌊L/m⌋} with L linear with whole
 * coefficients and m a positive whole number, by three identities that hold for whole L and positive
 * whole m, n (every symbol of a length is a whole number):
 * <ul>
 *   <li>{@code ⌊L/m⌋ + c = ⌊(L + c m)/m⌋} for whole c;</li>
 *   <li>{@code ⌊⌊L/m⌋/n⌋ = ⌊L/(m n)⌋};</li>
 *   <li>{@code ⌈⌊L/m⌋/n⌉ = ⌊(L + (n - 1) m)/(m n)⌋}.</li>
 * </ul>
 * So three stride-2 layers give {@code ⌊(N - 1)/8⌋ + 1}, not three nested floors. Each simplified
 * size is still checked against window arithmetic like every other step.
 */
record FloorForm(Linear numerator, BigInteger denominator) {
    /** The expression as one floor, or empty when it is not of that shape (a symbolic stride, a product, a min). */
    static Optional<FloorForm> of(Expr e) {
        var linear = Linear.of(e);
        if (linear.isPresent()) return linear.get().isWhole() ? Optional.of(new FloorForm(linear.get(), BigInteger.ONE)) : Optional.empty();
        if (e instanceof Expr.Fn f && f.args().size() == 1 && (f.name().equals("floor") || f.name().equals("ceil"))) return rounded(f);
        if (e instanceof Expr.Add a) return sum(a.terms());
        return Optional.empty();
    }

    private static Optional<FloorForm> rounded(Expr.Fn f) {
        Expr arg = f.args().get(0);
        if (!(arg instanceof Expr.Div d)) return of(arg); // a whole number rounded is itself
        var den = Linear.of(d.den());
        if (den.isEmpty() || !den.get().isConstant() || !den.get().constant().isInteger() || den.get().constant().signum() <= 0) return Optional.empty();
        BigInteger n = den.get().constant().num();
        return of(d.num()).map(inner -> {
            BigInteger m = inner.denominator;
            Linear top = f.name().equals("floor") ? inner.numerator
                    : inner.numerator.plus(Linear.constant(Rational.of(n.subtract(BigInteger.ONE).multiply(m))));
            return new FloorForm(top, m.multiply(n));
        });
    }

    /** At most one term a floor, the others whole linear forms: their sum goes inside the floor. */
    private static Optional<FloorForm> sum(List<Expr> terms) {
        FloorForm floor = null;
        Linear rest = Linear.constant(Rational.ZERO);
        for (Expr t : terms) {
            var form = of(t);
            if (form.isEmpty()) return Optional.empty();
            if (form.get().denominator.equals(BigInteger.ONE)) rest = rest.plus(form.get().numerator);
            else if (floor == null) floor = form.get();
            else return Optional.empty();
        }
        if (floor == null) return Optional.of(new FloorForm(rest, BigInteger.ONE));
        return Optional.of(new FloorForm(floor.numerator.plus(rest.times(Rational.of(floor.denominator))), floor.denominator));
    }

    /** As a size is written: a linear form, or {@code ⌊(L - m)/m⌋ + 1}, the count of windows. */
    Expr toExpr() {
        if (denominator.equals(BigInteger.ONE)) return numerator.toExpr();
        Rational m = Rational.of(denominator);
        Expr top = numerator.plus(Linear.constant(m.negate())).toExpr();
        return Expr.add(Expr.fn("floor", new Expr.Div(top, Expr.num(m))), Expr.num(1));
    }
}
