package stepwise.derive;

import java.util.Map;
import java.util.Optional;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.cas.Cas;

/**
 * Simplification for derivations: closed expressions are evaluated exactly here, so numeric
 * runs never start Symja; expressions with symbols go to Symja, bounded in time.
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
        return Cas.get().expandOverIntegers(e);
    }

    /** A polynomial expanded and collected (no floors, no assumptions): quick, since nothing needs deciding. */
    static Optional<Expr> expandPolynomial(Expr e) {
        if (Exprs.isClosed(e)) return expand(e);
        return Cas.get().expand(e);
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
