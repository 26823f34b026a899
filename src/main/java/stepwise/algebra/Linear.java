package stepwise.algebra;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

/**
 * An exact linear form {@code c_1 x_1 + ... + c_n x_n + c_0} with rational coefficients: what a length
 * becomes inside a stack of numeric layers ({@code N + 2·1 - 1·(3 - 1) - 1} is {@code N - 1}). Read
 * from an expression without the algebra engine, so output sizes need no Symja.
 */
public record Linear(Map<String, Rational> coefficients, Rational constant) {
    public Linear {
        var kept = new TreeMap<String, Rational>();
        coefficients.forEach((k, v) -> { if (v.signum() != 0) kept.put(k, v); });
        coefficients = java.util.Collections.unmodifiableMap(kept);
    }

    public static Linear constant(Rational c) { return new Linear(Map.of(), c); }

    /** The expression as a linear form, or empty when it is not one (a product of symbols, a floor, a division by a symbol). */
    public static Optional<Linear> of(Expr e) {
        if (e instanceof Expr.Num n) return Optional.of(constant(n.value()));
        if (e instanceof Expr.Sym s) {
            if (Constants.isConstant(s.name())) return Optional.empty();
            return Optional.of(new Linear(Map.of(s.name(), Rational.ONE), Rational.ZERO));
        }
        if (e instanceof Expr.Neg n) return of(n.arg()).map(l -> l.times(Rational.ONE.negate()));
        if (e instanceof Expr.Add a) {
            Linear sum = constant(Rational.ZERO);
            for (Expr t : a.terms()) {
                var l = of(t);
                if (l.isEmpty()) return Optional.empty();
                sum = sum.plus(l.get());
            }
            return Optional.of(sum);
        }
        if (e instanceof Expr.Mul m) {
            Linear product = constant(Rational.ONE);
            for (Expr f : m.factors()) {
                var l = of(f);
                if (l.isEmpty()) return Optional.empty();
                if (product.isConstant()) product = l.get().times(product.constant);
                else if (l.get().isConstant()) product = product.times(l.get().constant);
                else return Optional.empty();
            }
            return Optional.of(product);
        }
        if (e instanceof Expr.Div d) {
            var den = of(d.den());
            if (den.isEmpty() || !den.get().isConstant() || den.get().constant.signum() == 0) return Optional.empty();
            return of(d.num()).map(l -> l.times(Rational.ONE.divide(den.get().constant)));
        }
        return Optional.empty();
    }

    public boolean isConstant() { return coefficients.isEmpty(); }

    /** Whether every coefficient is a whole number: the form is then whole wherever its symbols are. */
    public boolean isWhole() { return constant.isInteger() && coefficients.values().stream().allMatch(Rational::isInteger); }

    public Linear plus(Linear o) {
        var sum = new TreeMap<>(coefficients);
        o.coefficients.forEach((k, v) -> sum.merge(k, v, Rational::add));
        return new Linear(sum, constant.add(o.constant));
    }

    public Linear times(Rational r) {
        var out = new TreeMap<String, Rational>();
        coefficients.forEach((k, v) -> out.put(k, v.multiply(r)));
        return new Linear(out, constant.multiply(r));
    }

    /** As a reader writes it: the symbols first, then the constant ({@code N - 5}, not {@code -5 + N}). */
    public Expr toExpr() {
        var terms = new ArrayList<Expr>();
        coefficients.forEach((name, c) -> {
            Expr sym = new Expr.Sym(name);
            Rational size = c.signum() < 0 ? c.negate() : c;
            Expr term = size.equals(Rational.ONE) ? sym : Expr.mul(Expr.num(size), sym);
            terms.add(terms.isEmpty() && c.signum() > 0 ? term : c.signum() < 0 ? new Expr.Neg(term) : term);
        });
        if (constant.signum() != 0 || terms.isEmpty()) terms.add(constant.signum() < 0 && !terms.isEmpty() ? new Expr.Neg(Expr.num(constant.negate())) : Expr.num(constant));
        return terms.size() == 1 ? terms.get(0) : new Expr.Add(terms);
    }
}
