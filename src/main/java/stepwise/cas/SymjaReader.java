package stepwise.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

/**
 * Reads a Symja result back into our tree, in the shape a person writes: {@code a - b} rather
 * than {@code a + (-1) b}, {@code x/y} rather than {@code x y^-1}, {@code sqrt(x)}, {@code exp(x)}.
 */
final class SymjaReader {
    private final Map<String, Expr> aliases;

    SymjaReader(Map<String, Expr> aliases) { this.aliases = aliases; }

    Expr read(IExpr e) {
        if (e instanceof IRational r) return Exprs.num(new Rational(r.toBigNumerator(), r.toBigDenominator()));
        if (e instanceof ISymbol s) return symbol(s);
        if (!(e instanceof IAST ast)) throw new UnsupportedOperationException("cannot read " + e);
        if (ast.isPlus()) return sum(ast);
        if (ast.isTimes()) return product(args(ast));
        if (ast.isPower()) return power(ast.arg1(), ast.arg2());
        String head = ast.head() instanceof ISymbol h ? h.getSymbolName().toLowerCase() : "";
        String name = switch (head) {
            case "log" -> "log";
            case "abs" -> "abs";
            case "floor" -> "floor";
            case "ceiling" -> "ceil";
            case "max" -> "max";
            case "min" -> "min";
            default -> throw new UnsupportedOperationException("cannot read " + e);
        };
        return new Expr.Fn(name, args(ast).stream().map(this::read).toList());
    }

    private Expr symbol(ISymbol s) {
        String n = s.getSymbolName();
        Expr original = aliases.get(n);
        if (original == null) original = aliases.get(n.toLowerCase());
        if (original != null) return original;
        if (n.equalsIgnoreCase("pi")) return new Expr.Sym("pi");
        if (n.equalsIgnoreCase("e")) return new Expr.Fn("exp", List.of(Expr.num(1)));
        throw new UnsupportedOperationException("unexpected symbol " + n);
    }

    private static List<IExpr> args(IAST ast) {
        var out = new ArrayList<IExpr>();
        for (int i = 1; i < ast.size(); i++) out.add(ast.get(i));
        return out;
    }

    private Expr sum(IAST ast) {
        var terms = new ArrayList<Expr>();
        for (IExpr t : args(ast)) terms.add(read(t));
        // Symja puts constants first; a person writes them last (5 + 10 s, not 10 s + 5 reversed).
        return new Expr.Add(terms);
    }

    private Expr product(List<IExpr> factors) {
        var num = new ArrayList<Expr>();
        var den = new ArrayList<Expr>();
        boolean negative = false;
        for (IExpr f : factors) {
            if (f instanceof IRational r) {
                Rational q = new Rational(r.toBigNumerator(), r.toBigDenominator());
                if (q.signum() < 0) { negative = !negative; q = q.negate(); }
                if (!q.num().equals(java.math.BigInteger.ONE)) num.add(Expr.num(Rational.of(q.num())));
                if (!q.den().equals(java.math.BigInteger.ONE)) den.add(Expr.num(Rational.of(q.den())));
            } else if (f.isPower() && ((IAST) f).arg2() instanceof IRational r && r.toBigNumerator().signum() < 0) {
                den.add(power(((IAST) f).arg1(), ((IAST) f).arg2().negate()));
            } else {
                num.add(read(f));
            }
        }
        Expr top = num.isEmpty() ? Expr.num(1) : num.size() == 1 ? num.get(0) : new Expr.Mul(num);
        Expr result = den.isEmpty() ? top : new Expr.Div(top, den.size() == 1 ? den.get(0) : new Expr.Mul(den));
        return negative ? new Expr.Neg(result) : result;
    }

    private Expr power(IExpr base, IExpr exponent) {
        if (base instanceof ISymbol s && s.getSymbolName().equalsIgnoreCase("e")) return new Expr.Fn("exp", List.of(read(exponent)));
        if (exponent instanceof IRational r) {
            Rational q = new Rational(r.toBigNumerator(), r.toBigDenominator());
            if (q.equals(Rational.of(1, 2))) return new Expr.Fn("sqrt", List.of(read(base)));
            if (q.signum() < 0) return new Expr.Div(Expr.num(1), power(base, exponent.negate()));
            if (q.equals(Rational.ONE)) return read(base);
        }
        return new Expr.Pow(read(base), read(exponent));
    }
}
