package stepwise.check;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.LegendreRuleFactory;
import stepwise.algebra.Numeric;
import stepwise.ast.Expr;
import stepwise.model.Distribution;
import stepwise.model.Family;

/**
 * Numeric values of expressions that hold expectations, densities and KL divergences, for checking
 * derivations: expectations by adaptive Gauss-Legendre quadrature of the density (exact sums for
 * Bernoulli), densities and KL divergences from {@link Densities}, never from the derivation's own forms.
 */
public final class Expectations implements Numeric.Special {
    private final Map<String, Distribution> dists;

    public Expectations(Map<String, Distribution> dists) { this.dists = Map.copyOf(dists); }

    public double eval(Expr e, Map<String, Double> env) { return Numeric.eval(e, env, this); }

    @Override public Double value(Expr e, Map<String, Double> env) {
        if (e instanceof Expr.Expect x && dists.containsKey(x.dist())) {
            Distribution d = dists.get(x.dist());
            var inner = new HashMap<>(env);
            return expect(d, env, kinks(x.body(), d.variable(), env), z -> {
                inner.put(d.variable(), z);
                return eval(x.body(), inner);
            });
        }
        if (e instanceof Expr.Fn f && dists.containsKey(f.name()) && f.args().size() == 1) {
            Distribution d = dists.get(f.name());
            return Math.exp(Densities.logDensity(d.family(), params(d, env), eval(f.args().get(0), env)));
        }
        if (e instanceof Expr.Divergence kl && dists.containsKey(kl.q()) && dists.containsKey(kl.p())) {
            return divergence(dists.get(kl.q()), dists.get(kl.p()), env);
        }
        return null;
    }

    double[] params(Distribution d, Map<String, Double> env) {
        double[] out = new double[d.params().size()];
        for (int i = 0; i < out.length; i++) out[i] = eval(d.param(i), env);
        return out;
    }

    /** KL(q || p) = integral of q log(q/p), from the textbook densities; infinite where p vanishes under q. */
    public double divergence(Distribution q, Distribution p, Map<String, Double> env) {
        double[] qp = params(q, env), pp = params(p, env);
        double[] kinks = p.family() == Family.LAPLACE ? new double[] {pp[0]} : new double[0];
        return expect(q, env, kinks, z -> {
            double lq = Densities.logDensity(q.family(), qp, z), lp = Densities.logDensity(p.family(), pp, z);
            return lp == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : lq - lp;
        });
    }

    /** E_q[f(z)], the integrand split at the given kinks (where f is not smooth). */
    public double expect(Distribution q, Map<String, Double> env, double[] kinks, DoubleUnaryOperator f) {
        double[] p = params(q, env);
        DoubleUnaryOperator weighted = z -> {
            double density = Math.exp(Densities.logDensity(q.family(), p, z));
            return density == 0 ? 0 : density * f.applyAsDouble(z);
        };
        return switch (q.family()) {
            case BERNOULLI -> (1 - p[0]) * f.applyAsDouble(0) + p[0] * f.applyAsDouble(1);
            // Beyond these bounds the density is below e^-50 of its peak.
            case NORMAL -> integrate(weighted, p[0] - 10 * Math.sqrt(p[1]), p[0] + 10 * Math.sqrt(p[1]), kinks);
            case EXPONENTIAL -> integrate(weighted, 0, 50 / p[0], kinks);
            case LAPLACE -> integrate(weighted, p[0] - 50 * p[1], p[0] + 50 * p[1], append(kinks, p[0]));
            case UNIFORM -> integrate(weighted, p[0], p[1], kinks);
        };
    }

    private static final int PIECES = 20;
    private static final int NODES = 12;
    // The double-precision rule on [-1, 1], computed once. (GaussIntegratorFactory would also build a
    // high-precision Dfp field that is never used here: a third of a cold KL run's main thread.)
    private static final double[] NODE, WEIGHT;
    static {
        var rule = new LegendreRuleFactory().getRule(NODES);
        NODE = rule.getFirst();
        WEIGHT = rule.getSecond();
    }

    /**
     * Fixed-order Gauss-Legendre on equal pieces, with the kinks as piece boundaries: exact for
     * polynomials of degree 23 on each piece, and far below the 1e-7 tolerance for these densities.
     */
    private static double integrate(DoubleUnaryOperator f, double lo, double hi, double[] kinks) {
        var bounds = new java.util.TreeSet<Double>();
        for (int i = 0; i <= PIECES; i++) bounds.add(lo + (hi - lo) * i / PIECES);
        for (double k : kinks) if (k > lo && k < hi) bounds.add(k);
        double total = 0;
        Double previous = null;
        double tiny = 1e-9 * (hi - lo);
        for (double b : bounds) {
            if (previous != null && b - previous <= tiny) continue; // a kink on a boundary: no piece of zero width
            if (previous != null) total += gaussLegendre(f, previous, b);
            previous = b;
        }
        return total;
    }

    /** The rule moved onto [a, b], summed with compensation (the same arithmetic as Hipparchus's GaussIntegrator). */
    private static double gaussLegendre(DoubleUnaryOperator f, double a, double b) {
        double scale = (b - a) / 2, shift = a + scale;
        double sum = 0, lost = 0;
        for (int i = 0; i < NODE.length; i++) {
            double term = WEIGHT[i] * scale * f.applyAsDouble(NODE[i] * scale + shift) - lost;
            double next = sum + term;
            lost = (next - sum) - term;
            sum = next;
        }
        return sum;
    }

    private static double[] append(double[] a, double x) {
        double[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    /** Where the body bends: the zeros of |z - c| and the locations of Laplace densities it names. */
    private double[] kinks(Expr body, String z, Map<String, Double> env) {
        var out = new java.util.ArrayList<Double>();
        collectKinks(body, z, env, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void collectKinks(Expr e, String z, Map<String, Double> env, java.util.List<Double> out) {
        if (e instanceof Expr.Fn f && f.name().equals("abs") && f.args().get(0) instanceof Expr.Add a && a.terms().size() == 2
                && a.terms().get(0) instanceof Expr.Sym s && s.name().equals(z)) {
            try {
                out.add(-eval(a.terms().get(1), env));
            } catch (RuntimeException notClosed) {
                // a kink that moves with z is not a fixed boundary
            }
        }
        if (e instanceof Expr.Fn f && dists.containsKey(f.name()) && dists.get(f.name()).family() == Family.LAPLACE) {
            out.add(eval(dists.get(f.name()).param(0), env));
        }
        for (Expr c : stepwise.algebra.Exprs.children(e)) collectKinks(c, z, env, out);
    }

    /** Whether two values agree to the tolerance the checks state: 1e-7 relative to the larger, or 1e-9 absolute. */
    public static boolean close(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

}
