package stepwise.derive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.cas.Cas;

/**
 * Simplification for derivations: closed expressions are evaluated exactly here, so numeric
 * runs never start Symja, and so are expressions linear in their symbols; others go to Symja,
 * bounded in time.
 */
final class Algebra {
    private Algebra() {}

    /**
     * The value of a closed expression, exactly; otherwise Symja's expanded form, every symbol
     * being a whole number (layer parameters and lengths are). Empty if Symja gives up.
     */
    static Optional<Expr> expand(Expr e) {
        if (Exprs.isClosed(e)) {
            try {
                return Optional.of(Exprs.num(Exact.eval(e, Map.of())));
            } catch (Exact.NotExact | ArithmeticException notExact) {
                // fall through to Symja (logs, roots)
            }
        }
        Optional<Expr> linear = linear(e);
        return linear.isPresent() ? linear : Cas.get().expandOverIntegers(e);
    }

    /** A polynomial expanded and collected (no floors, no assumptions): quick, since nothing needs deciding. */
    static Optional<Expr> expandPolynomial(Expr e) {
        if (Exprs.isClosed(e)) return expand(e);
        Optional<Expr> linear = linear(e);
        return linear.isPresent() ? linear : Cas.get().expand(e);
    }

    /**
     * The expanded form of an expression that is linear in its symbols, {@code c + a x + b y}, written
     * as Symja writes it: the constant first, then the terms in Symja's order of its names for the
     * symbols (sw1, sw2, ..., given in order of first appearance: so at most nine of them, as sw10 would
     * sort before sw2), a negative coefficient as a minus sign, a fraction as a quotient. So a
     * derivation reads the same whichever computed it. A stack with symbolic parameters (a what-if, a
     * depth L), or a matrix of symbols, gives only such values: they need no Symja, whose start-up
     * would be most of the run. Anything else (a floor, a product of symbols) is empty here.
     */
    static Optional<Expr> linear(Expr e) {
        var symbols = Exprs.freeSymbols(e); // those that cancel too: each takes one of Symja's names
        if (symbols.size() > 9) return Optional.empty();
        var form = stepwise.algebra.Linear.of(e);
        if (form.isEmpty()) return Optional.empty();
        var parts = new java.util.ArrayList<Expr>();
        Rational constant = form.get().constant();
        if (constant.signum() != 0 || form.get().coefficients().isEmpty()) parts.add(Exprs.num(constant));
        for (String name : symbols) {
            Rational a = form.get().coefficients().get(name);
            if (a != null) parts.add(times(a, new Expr.Sym(name)));
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : new Expr.Add(parts));
    }

    /** a x as Symja's answer reads back: x, 2 x, -(2 x), (2 x)/3, -(x/3). */
    private static Expr times(Rational a, Expr x) {
        Rational size = a.signum() < 0 ? a.negate() : a;
        Expr top = size.num().equals(java.math.BigInteger.ONE) ? x : new Expr.Mul(List.of(Exprs.num(Rational.of(size.num())), x));
        Expr term = size.isInteger() ? top : new Expr.Div(top, Exprs.num(Rational.of(size.den())));
        return a.signum() < 0 ? new Expr.Neg(term) : term;
    }

    /**
     * Symja's normal form under the positive symbols, or the expression as it is when Symja gives up;
     * a number (a coefficient such as 1/2) is its own normal form and never goes to Symja.
     */
    static Expr normalizeOrKeep(Expr e, java.util.List<Expr> positive) {
        if (e instanceof Expr.Num || e instanceof Expr.Neg n && n.arg() instanceof Expr.Num) return e;
        return Cas.get().normalize(e, positive).orElse(e);
    }

    /** As {@link #expand}, but keeps the expression as written when it cannot be simplified. */
    static Expr expandOrKeep(Expr e) { return expand(e).orElse(e); }

    static boolean isExact(Expr e) { return Exact.isExact(e); }
}
