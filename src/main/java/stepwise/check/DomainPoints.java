package stepwise.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.cas.Cas;
import stepwise.model.Distribution;
import stepwise.model.Family;
import stepwise.result.Verification;

/**
 * Numeric checks at random points of the declared domains, for derivations with expectations and
 * for hand derivations: random points inside the declared domains
 * (variances, scales and rates positive, probabilities in (0, 1), a < b), every link of a step
 * evaluated there, expectations by quadrature, to the tolerance of {@link Expectations#close}.
 */
public final class DomainPoints {
    static final int POINTS = 5;
    /** Fixed, so that a derivation prints the same points every time. */
    public static final long SEED = 20260125L;

    private final Expectations numeric;
    private final List<Map<String, Double>> points = new ArrayList<>();
    private final List<Expr> positive = new ArrayList<>();
    /** Values already computed, per sample point: each step's subject is the previous step's last link. */
    private final List<Map<Expr, Double>> known = new ArrayList<>();

    /**
     * @param dists the distributions whose parameters are sampled (their domains decide the symbols')
     * @param alsoKnown further distributions the checked expressions may name
     * @param fixed symbols with fixed values (an index)
     * @param positive further symbols, sampled positive (those of a hand derivation that no distribution declares)
     * @param valid a further condition on a point (nested supports)
     */
    public DomainPoints(List<Distribution> dists, List<Distribution> alsoKnown, Map<String, Double> fixed,
                        java.util.Set<String> positive, Predicate<Map<String, Double>> valid) {
        var byName = new LinkedHashMap<String, Distribution>();
        dists.forEach(d -> byName.put(d.name(), d));
        alsoKnown.forEach(d -> byName.put(d.name(), d));
        this.numeric = new Expectations(byName);
        Map<String, Family.Domain> domains = new LinkedHashMap<>();
        for (Distribution d : dists) {
            for (int i = 0; i < d.params().size(); i++) note(Exprs.substitute(d.param(i), constants(fixed)), d.family().domains.get(i), domains);
        }
        for (String s : positive) domains.putIfAbsent(s, Family.Domain.POSITIVE);
        domains.forEach((key, domain) -> { if (domain != Family.Domain.REAL) this.positive.add(symbol(key)); });
        sample(domains, fixed, dists, valid);
    }

    private static Map<String, Expr> constants(Map<String, Double> fixed) {
        var out = new LinkedHashMap<String, Expr>();
        fixed.forEach((k, v) -> out.put(k, Expr.num(Math.round(v))));
        return out;
    }

    private static Expr symbol(String key) {
        int bracket = key.indexOf('[');
        if (bracket < 0) return new Expr.Sym(key);
        return new Expr.Indexed(key.substring(0, bracket), Expr.num(Long.parseLong(key.substring(bracket + 1, key.length() - 1))));
    }

    private static void note(Expr param, Family.Domain domain, Map<String, Family.Domain> domains) {
        Expr base = param instanceof Expr.Pow p && p.exponent() instanceof Expr.Num two && two.value().equals(stepwise.ast.Rational.of(2)) ? p.base() : param;
        boolean bare = base instanceof Expr.Sym || base instanceof Expr.Indexed;
        for (String s : Exprs.freeSymbols(param)) {
            Family.Domain d = bare && Exprs.freeSymbols(base).contains(s) ? domain : Family.Domain.REAL;
            domains.merge(s, d, (a, b) -> a == Family.Domain.REAL ? b : a);
        }
    }

    private void sample(Map<String, Family.Domain> domains, Map<String, Double> fixed, List<Distribution> dists, Predicate<Map<String, Double>> valid) {
        var random = new Random(SEED);
        for (int attempt = 0; attempt < 400 && points.size() < POINTS; attempt++) {
            var point = new LinkedHashMap<>(fixed);
            domains.forEach((s, d) -> point.put(s, switch (d) {
                case REAL -> round(-2 + 4 * random.nextDouble());
                case POSITIVE -> round(0.4 + 2.1 * random.nextDouble());
                case PROBABILITY -> round(0.1 + 0.8 * random.nextDouble());
            }));
            if (dists.stream().allMatch(d -> Densities.validParams(d.family(), paramsAt(d, point))) && valid.test(point)) points.add(point);
        }
    }

    /** Three decimals: points that print readably and still test the identity. */
    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private double[] paramsAt(Distribution d, Map<String, Double> point) {
        double[] out = new double[d.params().size()];
        for (int i = 0; i < out.length; i++) out[i] = numeric.eval(d.param(i), point);
        return out;
    }

    public List<Expr> positive() { return positive; }

    public List<Map<String, Double>> points() { return points; }

    /** The value of an expression at a point (expectations by quadrature). */
    public double value(Expr e, Map<String, Double> point) { return numeric.eval(e, point); }

    private double valueAt(int pointIndex, Expr e) {
        while (known.size() <= pointIndex) known.add(new java.util.HashMap<>());
        Double v = known.get(pointIndex).get(e);
        if (v == null) {
            v = numeric.eval(e, points.get(pointIndex));
            known.get(pointIndex).put(e, v);
        }
        return v;
    }

    /** Every expression takes the same value at every sample point; quadrature where there are expectations. */
    public Verification agree(List<Expr> exprs) {
        if (points.isEmpty()) return Verification.unknown("numeric", "no point of the declared domains satisfies every condition");
        String method = exprs.stream().anyMatch(DomainPoints::hasExpectation) ? "quadrature" : "numeric";
        for (int i = 0; i < points.size(); i++) {
            var point = points.get(i);
            double first = Double.NaN;
            for (Expr e : exprs) {
                double v;
                try {
                    v = valueAt(i, e);
                } catch (RuntimeException cannot) {
                    return Verification.unknown(method, "cannot evaluate " + Infix.print(e) + ": " + cannot.getMessage());
                }
                if (Double.isNaN(v)) return Verification.unknown(method, Infix.print(e) + " is not a number at " + printable(point));
                if (Double.isNaN(first)) first = v;
                else if (!Expectations.close(first, v)) {
                    return Verification.failed(method, "at " + printable(point) + ": " + first + " but " + v + " for " + Infix.print(e))
                            .withPoints(List.of(printable(point)));
                }
            }
        }
        return new Verification(Verification.Status.VERIFIED, method, "equal to 1e-7 at " + points.size() + " random points of the declared domains",
                points.stream().map(DomainPoints::printable).toList());
    }

    /** As {@link #agree}, and first asks Symja to prove the two sides equal under the domains. */
    public Verification agreeSymbolically(Expr before, Expr after) {
        Verification numericCheck = agree(List.of(before, after));
        if (!numericCheck.ok() || hasExpectation(before) || hasExpectation(after)) return numericCheck;
        boolean proved = Cas.get().provesEqual(before, after, positive).orElse(false);
        if (!proved) return numericCheck;
        return new Verification(Verification.Status.VERIFIED, "symbolic", "Symja simplifies the difference to 0; also equal at "
                + points.size() + " random points", numericCheck.points());
    }

    /**
     * For a step whose right side is Symja's own simplification of its left: equal at the sample points,
     * and symbolically so by that simplification. Asking Symja again to reduce the difference to 0
     * would only repeat the answer it gave (at the cost of a second, slower call).
     */
    public Verification agreeBySimplification(Expr before, Expr after) {
        Verification numericCheck = agree(List.of(before, after));
        if (!numericCheck.ok()) return numericCheck;
        return new Verification(Verification.Status.VERIFIED, "symbolic", "Symja's simplification of the left side; also equal at "
                + points.size() + " random points", numericCheck.points());
    }

    public static boolean hasExpectation(Expr e) {
        return Exprs.contains(e, x -> x instanceof Expr.Expect || x instanceof Expr.Divergence);
    }

    public static Map<String, String> printable(Map<String, Double> point) {
        var out = new LinkedHashMap<String, String>();
        point.forEach((k, v) -> out.put(k, v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v)));
        return out;
    }
}
