package stepwise.algebra;

import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;

/** Floating-point evaluation of an expression with its symbols bound (by key). */
public final class Numeric {
    private Numeric() {}

    /** Values for what plain arithmetic cannot give (expectations, densities): null when it does not apply. */
    public interface Special {
        Double value(Expr e, Map<String, Double> env);
    }

    public static double eval(Expr e, Map<String, Double> env) { return eval(e, env, null); }

    public static double eval(Expr e, Map<String, Double> env, Special special) {
        if (special != null) {
            Double v = special.value(e, env);
            if (v != null) return v;
        }
        if (e instanceof Num n) return n.value().toDouble();
        if (e instanceof Sym s && s.name().equals("infinity")) return Double.POSITIVE_INFINITY;
        if (e instanceof Sym s) return s.name().equals("pi") ? Math.PI : lookup(s.name(), env);
        if (e instanceof Indexed ix) {
            long i = integer(eval(ix.index(), env, special));
            // S[1] is also the named number S_1: \prod_{j=1}^{2} S_j with let S_1 = 2, S_2 = 1.
            Double named = env.get(ix.name() + "_" + i);
            return named != null && !env.containsKey(ix.name() + "[" + i + "]") ? named : lookup(ix.name() + "[" + i + "]", env);
        }
        if (e instanceof Add a) {
            double sum = 0;
            for (Expr t : a.terms()) sum += eval(t, env, special);
            return sum;
        }
        if (e instanceof Mul m) {
            double product = 1;
            for (Expr f : m.factors()) product *= eval(f, env, special);
            return product;
        }
        if (e instanceof Neg n) return -eval(n.arg(), env, special);
        if (e instanceof Div d) return eval(d.num(), env, special) / eval(d.den(), env, special);
        if (e instanceof Pow p) return Math.pow(eval(p.base(), env, special), eval(p.exponent(), env, special));
        if (e instanceof Fn f) return function(f, env, special);
        if (e instanceof BigOp b) return bigOp(b, env, special);
        if (e instanceof Integral) throw new IllegalArgumentException("cannot evaluate " + stepwise.ast.Infix.print(e) + " without quadrature");
        throw new IllegalArgumentException("no numeric value for " + stepwise.ast.Infix.print(e) + " without its distributions");
    }

    private static double lookup(String key, Map<String, Double> env) {
        Double v = env.get(key);
        if (v == null) throw new IllegalArgumentException("no value for " + key);
        return v;
    }

    private static long integer(double v) {
        long r = Math.round(v);
        if (Math.abs(v - r) > 1e-9) throw new IllegalArgumentException("index is not a whole number: " + v);
        return r;
    }

    private static double function(Fn f, Map<String, Double> env, Special special) {
        double[] a = new double[f.args().size()];
        for (int i = 0; i < a.length; i++) a[i] = eval(f.args().get(i), env, special);
        return switch (f.name()) {
            case "log" -> Math.log(a[0]);
            case "exp" -> Math.exp(a[0]);
            case "sqrt" -> Math.sqrt(a[0]);
            case "abs" -> Math.abs(a[0]);
            case "floor" -> Math.floor(a[0]);
            case "ceil" -> Math.ceil(a[0]);
            case "max" -> java.util.Arrays.stream(a).max().orElseThrow();
            case "min" -> java.util.Arrays.stream(a).min().orElseThrow();
            default -> throw new IllegalArgumentException("unknown function " + f.name());
        };
    }

    private static double bigOp(BigOp b, Map<String, Double> env, Special special) {
        long lo = integer(eval(b.lo(), env, special)), hi = integer(eval(b.hi(), env, special));
        if (hi - lo >= Exact.MAX_TERMS) throw new IllegalArgumentException("a sum or product of more than " + Exact.MAX_TERMS + " terms");
        var inner = new java.util.HashMap<>(env);
        double acc = b.product() ? 1 : 0;
        for (long i = lo; i <= hi; i++) {
            inner.put(b.var(), (double) i);
            double v = eval(b.body(), inner, special);
            acc = b.product() ? acc * v : acc + v;
        }
        return acc;
    }
}
