package stepwise.algebra;

import java.math.BigInteger;
import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;
import stepwise.ast.Rational;

/**
 * Exact rational evaluation: + - * /, integer powers, floor, ceil, max, min, abs, and sums and
 * products with integer bounds. Anything else (log, a free symbol) is {@link NotExact}.
 */
public final class Exact {
    private Exact() {}

    public static final class NotExact extends RuntimeException {
        NotExact(String why) { super(why, null, false, false); }
    }

    /** Evaluates with symbols bound by key ({@code s}, {@code k[3]}). */
    public static Rational eval(Expr e, Map<String, Rational> env) {
        if (e instanceof Num n) return n.value();
        if (e instanceof Sym s) return lookup(s.name(), env);
        if (e instanceof Indexed ix) {
            Rational i = eval(ix.index(), env);
            // S[1] is also the named number S_1.
            Rational named = env.get(ix.name() + "_" + i);
            return named != null && !env.containsKey(ix.name() + "[" + i + "]") ? named : lookup(ix.name() + "[" + i + "]", env);
        }
        if (e instanceof Add a) {
            Rational sum = Rational.ZERO;
            for (Expr t : a.terms()) sum = sum.add(eval(t, env));
            return sum;
        }
        if (e instanceof Mul m) {
            Rational product = Rational.ONE;
            for (Expr f : m.factors()) product = bounded(product.multiply(eval(f, env)));
            return product;
        }
        if (e instanceof Neg n) return eval(n.arg(), env).negate();
        if (e instanceof Div d) {
                Rational den = eval(d.den(), env);
                if (den.signum() == 0) throw new NotExact("division by zero");
                return eval(d.num(), env).divide(den);
        }
        if (e instanceof Pow p) return power(eval(p.base(), env), eval(p.exponent(), env));
        if (e instanceof Fn f) return function(f, env);
        if (e instanceof BigOp b) return bigOp(b, env);
        if (e instanceof Expect x) throw new NotExact("an expectation");
        if (e instanceof Divergence d) throw new NotExact("a divergence");
        if (e instanceof Integral i) throw new NotExact("an integral");
        if (e instanceof Matrix m) throw new NotExact("a matrix");
        throw new IllegalStateException("unhandled " + e);
    }

    /** Products of many large factors stay within {@link #MAX_BITS}. */
    private static Rational bounded(Rational r) {
        if (r.bitLength() > MAX_BITS) throw new NotExact("a number too large (beyond " + MAX_BITS + " bits)");
        return r;
    }

    public static boolean isExact(Expr e) {
        try {
            eval(e, Map.of());
            return true;
        } catch (NotExact | ArithmeticException ex) {
            return false;
        }
    }

    private static Rational lookup(String key, Map<String, Rational> env) {
        Rational r = env.get(key);
        if (r == null) throw new NotExact("free symbol " + key);
        return r;
    }

    /** Exact values larger than this many bits are not computed: no layer arithmetic needs them. */
    public static final int MAX_BITS = 1 << 14;
    /** Sums and products with more terms than this are not expanded. */
    public static final int MAX_TERMS = 100_000;

    private static Rational power(Rational base, Rational exp) {
        if (!exp.isInteger()) throw new NotExact("non-integer power");
        if (base.signum() == 0 || base.num().abs().equals(BigInteger.ONE) && base.isInteger()) {
            if (base.signum() == 0 && exp.signum() < 0) throw new NotExact("division by zero");
            if (base.signum() == 0) return exp.signum() == 0 ? Rational.ONE : Rational.ZERO;
            return exp.num().testBit(0) ? base : Rational.ONE;
        }
        if (exp.num().bitLength() > 20 || (long) base.bitLength() * exp.num().abs().longValue() > MAX_BITS) {
            throw new NotExact("a number too large (beyond " + MAX_BITS + " bits)");
        }
        if (base.signum() == 0 && exp.signum() < 0) throw new NotExact("division by zero");
        return base.pow(exp.num().intValueExact());
    }

    private static Rational function(Fn f, Map<String, Rational> env) {
        var args = new java.util.ArrayList<Rational>();
        for (Expr a : f.args()) args.add(eval(a, env));
        boolean unary = args.size() == 1;
        return switch (f.name()) {
            case "floor" -> Rational.of(single(args, f).floor());
            case "ceil" -> Rational.of(single(args, f).ceil());
            case "abs" -> single(args, f).signum() < 0 ? args.get(0).negate() : args.get(0);
            case "max" -> args.stream().max(Rational::compareTo).orElseThrow(() -> new NotExact("max of nothing"));
            case "min" -> args.stream().min(Rational::compareTo).orElseThrow(() -> new NotExact("min of nothing"));
            default -> throw new NotExact(f.name() + (unary ? "" : " of several arguments") + " is not exact");
        };
    }

    private static Rational single(java.util.List<Rational> args, Fn f) {
        if (args.size() != 1) throw new NotExact(f.name() + " takes one argument");
        return args.get(0);
    }

    private static Rational bigOp(BigOp b, Map<String, Rational> env) {
        Rational lo = eval(b.lo(), env), hi = eval(b.hi(), env);
        if (!lo.isInteger() || !hi.isInteger()) throw new NotExact("non-integer bounds");
        var inner = new java.util.HashMap<>(env);
        if (hi.num().subtract(lo.num()).compareTo(BigInteger.valueOf(MAX_TERMS)) >= 0) {
            throw new NotExact("a " + (b.product() ? "product" : "sum") + " of more than " + MAX_TERMS + " terms");
        }
        Rational acc = b.product() ? Rational.ONE : Rational.ZERO;
        for (BigInteger i = lo.num(); i.compareTo(hi.num()) <= 0; i = i.add(BigInteger.ONE)) {
            inner.put(b.var(), Rational.of(i));
            Rational v = eval(b.body(), inner);
            acc = b.product() ? bounded(acc.multiply(v)) : acc.add(v);
        }
        return acc;
    }
}
