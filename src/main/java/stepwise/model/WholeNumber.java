package stepwise.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import stepwise.algebra.Exact;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.ast.Rational;

/**
 * The one check for values that must be whole numbers: layer and matrix-convolution parameters,
 * input lengths, repeat bounds. A value without symbols must evaluate exactly (+ - * / ^, floor,
 * ceil, min, max, abs) to a whole number inside its range; a value with symbols must be built from
 * those same operations, so that it has an exact value once its symbols do.
 */
public final class WholeNumber {
    private WholeNumber() {}

    /** The largest layer or convolution parameter: beyond it brute-force checks would take more than seconds. */
    public static final long MAX_PARAM = 1_000_000;
    /** The largest input length. */
    public static final long MAX_LENGTH = 1_000_000_000L;

    private static final Set<String> EXACT_FUNCTIONS = Set.of("floor", "ceil", "min", "max", "abs");

    /**
     * The exact value of a closed expression, or empty when it has symbols.
     *
     * @throws IllegalArgumentException naming {@code title} when the value is not allowed
     */
    public static Optional<Rational> check(Expr value, String title, long min, long max) {
        if (!Exprs.isClosed(value)) {
            checkShape(value, title);
            return Optional.empty();
        }
        Rational r;
        try {
            r = Exact.eval(value, Map.of());
        } catch (Exact.NotExact | ArithmeticException e) {
            throw new IllegalArgumentException(title + " must be a whole number, got " + shown(value) + why(e));
        }
        if (!r.isInteger()) throw new IllegalArgumentException(title + " must be a whole number, got " + shownValue(value, r));
        if (r.compareTo(Rational.of(min)) < 0) {
            throw new IllegalArgumentException(title + (min == 1 ? " must be positive" : min == 0 ? " must not be negative" : " must be at least " + min)
                    + ", got " + shownValue(value, r));
        }
        if (r.compareTo(Rational.of(max)) > 0) {
            throw new IllegalArgumentException(title + " is too large: " + shownValue(value, r) + " (the limit is " + max + ")");
        }
        return Optional.of(r);
    }

    /**
     * A rational value (a matrix entry): a closed expression must evaluate exactly, one with symbols
     * must be arithmetic in them.
     *
     * @throws IllegalArgumentException naming {@code title} when the value is not allowed
     */
    public static Optional<Rational> rational(Expr value, String title) {
        if (!Exprs.isClosed(value)) {
            checkShape(value, title, "a number or an expression in symbols");
            return Optional.empty();
        }
        try {
            return Optional.of(Exact.eval(value, Map.of()));
        } catch (Exact.NotExact | ArithmeticException e) {
            throw new IllegalArgumentException(title + " must be a rational number, got " + shown(value) + why(e));
        }
    }

    private static void checkShape(Expr value, String title) { checkShape(value, title, "a whole number or an expression in symbols"); }

    /** A value with symbols must still be arithmetic: no log, sqrt, expectation or divergence. */
    private static void checkShape(Expr value, String title, String what) {
        var bad = find(value);
        if (bad != null) {
            throw new IllegalArgumentException(title + " must be " + what + " with + - * / ^, floor, ceil, min, max; got "
                    + shown(value) + " (" + shown(bad) + " is not allowed here)");
        }
    }

    private static Expr find(Expr e) {
        var todo = new java.util.ArrayDeque<Expr>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (x instanceof Expr.Expect || x instanceof Expr.Divergence || x instanceof Expr.Integral || x instanceof Expr.Matrix) return x;
            if (x instanceof Expr.Fn f && !EXACT_FUNCTIONS.contains(f.name())) return x;
            if (x instanceof Expr.Sym s && stepwise.algebra.Constants.isConstant(s.name())) return x;
            Exprs.children(x).forEach(todo::push);
        }
        return null;
    }

    private static String why(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("division by zero") || m.contains("divide by zero")) return ", which divides by zero";
        if (m.contains("too large") || m.contains("power")) return ", which is too large or not a whole power";
        return ", which has no exact value";
    }

    private static String shownValue(Expr written, Rational value) {
        String w = shown(written), v = value.bitLength() > 64 ? "a number of " + value.num().toString().length() + " digits" : value.toDecimalString();
        return w.equals(v) || written instanceof Expr.Num ? v : w + " = " + v;
    }

    /** The expression as written, shortened for a message. */
    public static String shown(Expr e) {
        String s = Infix.print(e);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
