package stepwise.algebra;

import java.util.Map;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;

/** Floating-point evaluation of an expression with its symbols bound (by key). */
public final class Numeric {
    private Numeric() {}

    public static double eval(Expr e, Map<String, Double> env) {
        if (e instanceof Num n) return n.value().toDouble();
        if (e instanceof Sym s) return s.name().equals("pi") ? Math.PI : lookup(s.name(), env);
        if (e instanceof Indexed ix) return lookup(ix.name() + "[" + integer(eval(ix.index(), env)) + "]", env);
        if (e instanceof Add a) return a.terms().stream().mapToDouble(t -> eval(t, env)).sum();
        if (e instanceof Mul m) return m.factors().stream().mapToDouble(f -> eval(f, env)).reduce(1, (x, y) -> x * y);
        if (e instanceof Neg n) return -eval(n.arg(), env);
        if (e instanceof Div d) return eval(d.num(), env) / eval(d.den(), env);
        if (e instanceof Pow p) return Math.pow(eval(p.base(), env), eval(p.exponent(), env));
        if (e instanceof Fn f) return function(f, env);
        if (e instanceof BigOp b) return bigOp(b, env);
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

    private static double function(Fn f, Map<String, Double> env) {
        double[] a = f.args().stream().mapToDouble(x -> eval(x, env)).toArray();
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

    private static double bigOp(BigOp b, Map<String, Double> env) {
        long lo = integer(eval(b.lo(), env)), hi = integer(eval(b.hi(), env));
        var inner = new java.util.HashMap<>(env);
        double acc = b.product() ? 1 : 0;
        for (long i = lo; i <= hi; i++) {
            inner.put(b.var(), (double) i);
            double v = eval(b.body(), inner);
            acc = b.product() ? acc * v : acc + v;
        }
        return acc;
    }
}
