package stepwise.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import stepwise.algebra.Exprs;
import stepwise.algebra.Numeric;
import stepwise.ast.Expr;

/**
 * Whether the declared distributions leave any values for their symbols. A symbol written bare
 * in a parameter takes that parameter's domain; one written only inside variances, scales, rates
 * or probabilities names a positive quantity; any other is real. Random points of those ranges
 * are tried: when none makes every parameter valid, the domain is empty.
 */
public final class ParameterDomains {
    private ParameterDomains() {}

    private static final int TRIES = 2_000;

    /** True when some point of the symbols' ranges makes every parameter of every distribution valid. */
    public static boolean nonEmpty(List<Distribution> dists) {
        List<Distribution> flat = dists.stream().map(ParameterDomains::firstCoordinate).toList();
        Map<String, Family.Domain> domains = domains(flat);
        if (domains.isEmpty()) return true; // numbers only: checked one by one at the declaration
        var random = new Random(20260125L);
        for (int t = 0; t < TRIES; t++) {
            var point = new LinkedHashMap<String, Double>();
            double scale = t < TRIES / 2 ? 2 : 100; // wide ranges too, for conditions such as a + 10 < b
            domains.forEach((s, d) -> point.put(s, switch (d) {
                case REAL -> -scale + 2 * scale * random.nextDouble();
                case POSITIVE -> 1e-3 + scale * random.nextDouble();
                case PROBABILITY -> 1e-3 + 0.998 * random.nextDouble();
            }));
            if (flat.stream().allMatch(d -> valid(d, point))) return true;
        }
        return false;
    }

    private static Distribution firstCoordinate(Distribution d) {
        if (d.index() == null) return d;
        try {
            return d.coordinate(new Expr.Num(stepwise.algebra.Exact.eval(d.index().lo(), Map.of())));
        } catch (RuntimeException notNumeric) {
            return d;
        }
    }

    private static Map<String, Family.Domain> domains(List<Distribution> dists) {
        Map<String, Family.Domain> bare = new LinkedHashMap<>();
        Map<String, Boolean> onlyPositive = new LinkedHashMap<>();
        for (Distribution d : dists) {
            for (int i = 0; i < d.params().size(); i++) {
                Expr p = d.param(i);
                Family.Domain domain = d.family().domains.get(i);
                Expr base = p instanceof Expr.Pow pow ? pow.base() : p;
                for (String s : Exprs.freeSymbols(p)) {
                    if (base instanceof Expr.Sym sym && sym.name().equals(s) || base instanceof Expr.Indexed && Exprs.freeSymbols(base).contains(s)) {
                        bare.merge(s, domain, (a, b) -> a == Family.Domain.PROBABILITY || b == Family.Domain.PROBABILITY ? Family.Domain.PROBABILITY
                                : a == Family.Domain.POSITIVE || b == Family.Domain.POSITIVE ? Family.Domain.POSITIVE : Family.Domain.REAL);
                    }
                    onlyPositive.merge(s, domain != Family.Domain.REAL, Boolean::logicalAnd);
                }
            }
        }
        var out = new LinkedHashMap<String, Family.Domain>();
        onlyPositive.forEach((s, positive) -> out.put(s, bare.getOrDefault(s, positive ? Family.Domain.POSITIVE : Family.Domain.REAL)));
        return out;
    }

    private static boolean valid(Distribution d, Map<String, Double> point) {
        double[] v = new double[d.params().size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Numeric.eval(d.param(i), point);
            } catch (RuntimeException cannot) {
                return true; // not a plain expression (a sum over an index): not judged here
            }
            if (!Double.isFinite(v[i])) return false;
            switch (d.family().domains.get(i)) {
                case POSITIVE -> { if (!(v[i] > 0)) return false; }
                case PROBABILITY -> { if (!(v[i] > 0 && v[i] < 1)) return false; }
                case REAL -> { }
            }
        }
        return d.family() != Family.UNIFORM || v[0] < v[1];
    }
}
