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
    /** Equal pieces of the integration range; a second count gives an error estimate. */
    private final int pieces;

    public Expectations(Map<String, Distribution> dists) { this(dists, PIECES); }

    public Expectations(Map<String, Distribution> dists, int pieces) {
        this.dists = Map.copyOf(dists);
        this.pieces = pieces;
    }

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
            Distribution q = dists.get(kl.q()), p = dists.get(kl.p());
            if (q.index() != null && !env.containsKey(q.index().var())) return coordinateSum(q, p, env);
            return divergence(q, p, env);
        }
        if (e instanceof Expr.Fn f && !dists.containsKey(f.name()) && Family.of(f.name()).isPresent()
                && f.args().size() == Family.of(f.name()).get().params.size() + 1) {
            return inlineDensity(Family.of(f.name()).get(), f.args(), env);
        }
        if (e instanceof Expr.Integral i) return integral(i, env);
        return null;
    }

    /** A family's density written inline, point first: {@code Normal(z, mu, sigma^2)}. */
    private double inlineDensity(Family family, java.util.List<Expr> args, Map<String, Double> env) {
        double point = eval(args.get(0), env);
        double[] params = new double[args.size() - 1];
        for (int i = 0; i < params.length; i++) params[i] = eval(args.get(i + 1), env);
        if (!Densities.validParams(family, params)) return Double.NaN;
        return Math.exp(Densities.logDensity(family, params, point));
    }

    /**
     * A definite integral, by Gauss-Legendre on equal pieces split at the body's kinks; an infinite
     * end is brought to a finite one by x = t / (1 - t^2), which keeps decaying integrands smooth.
     */
    private double integral(Expr.Integral i, Map<String, Double> env) {
        double lo = eval(i.lo(), env), hi = eval(i.hi(), env);
        if (lo > hi) return -integral(new Expr.Integral(i.var(), i.hi(), i.lo(), i.body()), env);
        var inner = new HashMap<>(env);
        DoubleUnaryOperator f = x -> {
            inner.put(i.var(), x);
            double v = eval(i.body(), inner);
            return Double.isNaN(v) && !Double.isFinite(x) ? 0 : v;
        };
        double[] kinks = kinks(i.body(), i.var(), env);
        if (Double.isFinite(lo) && Double.isFinite(hi)) return integrate(f, lo, hi, kinks);
        // x = t / (1 - t^2) maps (-1, 1) onto the real line; one end finite: a shifted half of it.
        DoubleUnaryOperator x = t -> t / (1 - t * t);
        DoubleUnaryOperator dx = t -> (1 + t * t) / ((1 - t * t) * (1 - t * t));
        double a = Double.isFinite(lo) ? lo : 0, b = Double.isFinite(hi) ? hi : 0;
        double tLo = Double.isFinite(lo) ? 0 : -1, tHi = Double.isFinite(hi) ? 0 : 1;
        double shift = Double.isFinite(lo) ? a : Double.isFinite(hi) ? b : 0;
        double[] tKinks = new double[kinks.length];
        for (int k = 0; k < kinks.length; k++) tKinks[k] = inverse(kinks[k] - shift);
        DoubleUnaryOperator g = t -> {
            double v = f.applyAsDouble(shift + x.applyAsDouble(t)) * dx.applyAsDouble(t);
            return Double.isFinite(v) ? v : 0;
        };
        return integrate(g, tLo, tHi, tKinks);
    }

    /** The t with t / (1 - t^2) = y, in (-1, 1). */
    private static double inverse(double y) {
        return y == 0 ? 0 : (-1 + Math.sqrt(1 + 4 * y * y)) / (2 * y);
    }

    /** KL between two products of independent coordinates: the sum of the coordinates' divergences. */
    private double coordinateSum(Distribution q, Distribution p, Map<String, Double> env) {
        long lo = Math.round(eval(q.index().lo(), env)), hi = Math.round(eval(q.index().hi(), env));
        var at = new HashMap<>(env);
        double total = 0;
        for (long j = lo; j <= hi; j++) {
            at.put(q.index().var(), (double) j);
            if (p.index() != null) at.put(p.index().var(), (double) j);
            total += divergence(q, p, at);
        }
        return total;
    }

    double[] params(Distribution d, Map<String, Double> env) {
        double[] out = new double[d.params().size()];
        for (int i = 0; i < out.length; i++) out[i] = eval(d.param(i), env);
        return out;
    }

    /** KL(q || p) = integral of q log(q/p), from the textbook densities; infinite where p vanishes under q. */
    public double divergence(Distribution q, Distribution p, Map<String, Double> env) {
        double[] qp = params(q, env), pp = params(p, env);
        double[] kinks = switch (p.family()) {
            case LAPLACE -> new double[] {pp[0]};
            case UNIFORM -> new double[] {pp[0], pp[1]};
            default -> new double[0];
        };
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
    private double integrate(DoubleUnaryOperator f, double lo, double hi, double[] kinks) {
        var bounds = new java.util.TreeSet<Double>();
        for (int i = 0; i <= pieces; i++) bounds.add(lo + (hi - lo) * i / pieces);
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

    /**
     * Where the body bends, so that each quadrature piece is smooth: the zeros of the argument of
     * abs and of the differences inside max and min when they are affine in z, the
     * location of a Laplace density and the ends of a Uniform one that the body names.
     */
    private double[] kinks(Expr body, String z, Map<String, Double> env) {
        var out = new java.util.ArrayList<Double>();
        collectKinks(body, z, env, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void collectKinks(Expr e, String z, Map<String, Double> env, java.util.List<Double> out) {
        if (e instanceof Expr.Fn f && !dists.containsKey(f.name())) {
            switch (f.name()) {
                case "abs" -> { if (f.args().size() == 1) affineZero(f.args().get(0), z, env, out); }
                case "max", "min" -> {
                    for (int i = 0; i < f.args().size(); i++) {
                        for (int j = i + 1; j < f.args().size(); j++) affineZero(Expr.sub(f.args().get(i), f.args().get(j)), z, env, out);
                    }
                }
                default -> densityKinks(f, env, out);
            }
        }
        if (e instanceof Expr.Fn f && dists.containsKey(f.name())) {
            Distribution d = dists.get(f.name());
            try {
                if (d.family() == Family.LAPLACE) out.add(eval(d.param(0), env));
                if (d.family() == Family.UNIFORM) { out.add(eval(d.param(0), env)); out.add(eval(d.param(1), env)); }
            } catch (RuntimeException notHere) {
                // a parameter that needs an index not bound here: no fixed kink
            }
        }
        for (Expr c : stepwise.algebra.Exprs.children(e)) collectKinks(c, z, env, out);
    }

    /** An inline density such as Laplace(z, m, b) bends at its location, Uniform(z, a, b) at its ends. */
    private void densityKinks(Expr.Fn f, Map<String, Double> env, java.util.List<Double> out) {
        var family = Family.of(f.name());
        if (family.isEmpty() || f.args().size() != family.get().params.size() + 1) return;
        try {
            if (family.get() == Family.LAPLACE) out.add(eval(f.args().get(1), env));
            if (family.get() == Family.UNIFORM) { out.add(eval(f.args().get(1), env)); out.add(eval(f.args().get(2), env)); }
        } catch (RuntimeException notClosed) {
            // parameters that move with z are not fixed boundaries
        }
    }

    /** The zero of g(z) when g is affine in z (checked at a third point). */
    private void affineZero(Expr g, String z, Map<String, Double> env, java.util.List<Double> out) {
        try {
            var at = new HashMap<>(env);
            at.put(z, 0.0);
            double g0 = eval(g, at);
            at.put(z, 1.0);
            double g1 = eval(g, at);
            at.put(z, -2.5);
            double g2 = eval(g, at);
            double slope = g1 - g0;
            if (slope == 0 || !Double.isFinite(slope) || Math.abs(g0 - 2.5 * slope - g2) > 1e-9 * Math.max(1, Math.abs(g2))) return;
            out.add(-g0 / slope);
        } catch (RuntimeException notAffine) {
            // not evaluable apart from the integral: no fixed kink
        }
    }

    /** Whether two values agree to the tolerance the checks state: 1e-7 relative to the larger, or 1e-9 absolute. */
    public static boolean close(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

}
