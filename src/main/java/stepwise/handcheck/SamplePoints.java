package stepwise.handcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.check.Densities;
import stepwise.check.Expectations;
import stepwise.model.Distribution;
import stepwise.model.Family;

/**
 * The points a hand derivation is tested at. Every declared parameter ranges over its whole domain
 * (a Normal mean, a Laplace location and Uniform bounds over negative and positive reals alike,
 * variances and scales positive, probabilities in (0, 1)); a bound of a sum or of an index range is
 * a whole number, 1 to 6 across the points; named numbers keep their values; a distribution's
 * variable, where it is written outside an expectation, is drawn from that distribution; any other
 * symbol is positive (sizes, strides, scales); {@code e} is Euler's number unless declared.
 */
final class SamplePoints {
    static final int COUNT = 6;
    static final int LARGEST_BOUND = 6;
    private static final long SEED = 20260125L;

    enum Domain { REAL, POSITIVE, PROBABILITY, WHOLE }

    private final Givens givens;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Set<String> variables = new LinkedHashSet<>();
    private final List<Map<String, Double>> points = new ArrayList<>();
    private final Expectations coarse, fine;

    SamplePoints(List<Expr> exprs, Givens givens) {
        this.givens = givens;
        var byName = givens.dists();
        this.coarse = new Expectations(byName, 20);
        this.fine = new Expectations(byName, 48);
        for (Distribution d : byName.values()) declared(d);
        for (Expr e : exprs) used(e);
        sample();
    }

    private void declared(Distribution d) {
        for (int i = 0; i < d.params().size(); i++) {
            Expr param = d.param(i);
            Expr base = param instanceof Expr.Pow p && p.exponent() instanceof Expr.Num ? p.base() : param;
            Domain domain = switch (d.family().domains.get(i)) {
                case REAL -> Domain.REAL;
                case POSITIVE -> Domain.POSITIVE;
                case PROBABILITY -> Domain.PROBABILITY;
            };
            if (base instanceof Expr.Sym s) note(s.name(), domain);
            else if (base instanceof Expr.Indexed ix) note(ix.name() + "[]", domain);
            for (String s : Exprs.freeSymbols(param)) {
                if (d.index() != null && s.equals(d.index().var())) continue;
                note(s, Domain.REAL);
            }
        }
        if (d.index() != null) {
            for (String s : Exprs.freeSymbols(d.index().hi())) domains.put(s, Domain.WHOLE);
            for (String s : Exprs.freeSymbols(d.index().lo())) domains.put(s, Domain.WHOLE);
        }
    }

    /** A symbol keeps the narrowest domain it is given: a variance's sigma stays positive though a mean also names it. */
    private void note(String key, Domain d) {
        domains.merge(key, d, (a, b) -> a == Domain.REAL ? b : a);
    }

    /** Symbols the checked lines use; a sum's own index is bound by the sum and never sampled. */
    private void used(Expr e) {
        if (e instanceof Expr.BigOp b) {
            for (String s : Exprs.freeSymbols(b.lo())) domains.put(s, Domain.WHOLE);
            for (String s : Exprs.freeSymbols(b.hi())) domains.put(s, Domain.WHOLE);
        }
        for (String s : Exprs.freeSymbols(e)) {
            int bracket = s.indexOf('[');
            if (isVariable(s)) variables.add(s);
            else if (bracket < 0) domains.putIfAbsent(s, Domain.POSITIVE);
            else if (s.substring(bracket + 1, s.length() - 1).matches("-?\\d+")) domains.putIfAbsent(s, family(s));
            else domains.putIfAbsent(s.substring(0, bracket) + "[]", Domain.POSITIVE);
        }
        for (Expr c : Exprs.children(e)) if (!(e instanceof Expr.BigOp b && c == b.body())) used(c);
        if (e instanceof Expr.BigOp b) usedInside(b.body(), b.var());
    }

    /** Inside a sum, the index is bound: only the other symbols are noted. */
    private void usedInside(Expr body, String index) {
        used(stepwise.algebra.Exprs.substitute(body, Map.of(index, Expr.num(1))));
    }

    private Domain family(String concreteKey) {
        return domains.getOrDefault(concreteKey.substring(0, concreteKey.indexOf('[')) + "[]", Domain.POSITIVE);
    }

    private boolean isVariable(String s) {
        return givens.dists().values().stream().anyMatch(d -> d.variable().equals(s))
                && domains.get(s) == null;
    }

    private void sample() {
        var random = new Random(SEED);
        for (int i = 0; i < COUNT; i++) {
            for (int attempt = 0; attempt < 200; attempt++) {
                var point = draw(i, attempt, random);
                if (valid(point)) {
                    drawVariables(point, random);
                    points.add(point);
                    break;
                }
            }
        }
    }

    private Map<String, Double> draw(int i, int attempt, Random random) {
        var point = new LinkedHashMap<String, Double>();
        int k = 0;
        for (var entry : domains.entrySet()) {
            String key = entry.getKey();
            if (key.endsWith("[]")) {
                String name = key.substring(0, key.length() - 2);
                for (int j = 0; j <= LARGEST_BOUND; j++) point.put(name + "[" + j + "]", value(entry.getValue(), i, k++, attempt, random));
            } else {
                point.put(key, value(entry.getValue(), i, k++, attempt, random));
            }
        }
        givens.numbers().forEach((key, n) -> point.put(key, n.value().toDouble()));
        for (String key : List.copyOf(point.keySet())) {
            // S[1] is also the named number S_1.
            var n = key.endsWith("]") ? givens.lookup(key) : null;
            if (n != null) point.put(key, n.value().toDouble());
        }
        if (point.containsKey("e") && !givens.isNamed("e") && !declaresE()) point.put("e", Math.E);
        return point;
    }

    private boolean declaresE() {
        return givens.dists().values().stream().anyMatch(d -> d.params().stream().anyMatch(p -> Exprs.freeSymbols(p).contains("e")));
    }

    /** First attempts alternate signs of real symbols between points, so that no identity passes by sign alone. */
    private static double value(Domain d, int point, int symbol, int attempt, Random random) {
        double u = random.nextDouble();
        return switch (d) {
            case REAL -> attempt == 0 ? ((point + symbol) % 2 == 0 ? 1 : -1) * round(0.2 + 2.8 * u) : round(-3 + 6 * u);
            case POSITIVE -> round(0.3 + 2.5 * u);
            case PROBABILITY -> round(0.05 + 0.9 * u);
            case WHOLE -> attempt == 0 ? 1 + (point % LARGEST_BOUND) : 1 + random.nextInt(LARGEST_BOUND);
        };
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private boolean valid(Map<String, Double> point) {
        for (Distribution d : givens.dists().values()) {
            if (d.index() == null) {
                if (!validAt(d, point)) return false;
                continue;
            }
            var at = new LinkedHashMap<>(point);
            for (int j = 1; j <= LARGEST_BOUND; j++) {
                at.put(d.index().var(), (double) j);
                if (!validAt(d, at)) return false;
            }
        }
        return true;
    }

    private boolean validAt(Distribution d, Map<String, Double> point) {
        double[] p = new double[d.params().size()];
        try {
            for (int i = 0; i < p.length; i++) p[i] = coarse.eval(d.param(i), point);
        } catch (RuntimeException unsampled) {
            return true; // a parameter of symbols these expressions never use
        }
        return Densities.validParams(d.family(), p);
    }

    /** A variable written outside an expectation takes a value its distribution can give. */
    private void drawVariables(Map<String, Double> point, Random random) {
        for (String z : variables) {
            var from = givens.dists().values().stream().filter(d -> d.variable().equals(z) && d.index() == null).findFirst();
            double v;
            try {
                v = from.isPresent() ? drawFrom(from.get(), point, random) : -3 + 6 * random.nextDouble();
            } catch (RuntimeException unsampled) {
                v = -3 + 6 * random.nextDouble();
            }
            point.put(z, from.isPresent() && from.get().family() == Family.BERNOULLI ? v : round(v));
        }
    }

    private double drawFrom(Distribution d, Map<String, Double> point, Random random) {
        double[] p = new double[d.params().size()];
        for (int i = 0; i < p.length; i++) p[i] = coarse.eval(d.param(i), point);
        double u = random.nextDouble();
        return switch (d.family()) {
            case NORMAL -> p[0] + Math.sqrt(p[1]) * random.nextGaussian();
            case LAPLACE -> p[0] + p[1] * (u < 0.5 ? Math.log(2 * u + 1e-12) : -Math.log(2 - 2 * u + 1e-12));
            case EXPONENTIAL -> -Math.log(1 - u) / p[0];
            case UNIFORM -> p[0] + (p[1] - p[0]) * (0.05 + 0.9 * u);
            case BERNOULLI -> u < 0.5 ? 0 : 1;
        };
    }

    List<Map<String, Double>> points() { return points; }

    /** Symbols that are positive at every point: assumptions Symja may use. */
    List<Expr> positive() {
        var out = new ArrayList<Expr>();
        domains.forEach((key, d) -> {
            if ((d == Domain.POSITIVE || d == Domain.PROBABILITY || d == Domain.WHOLE) && !key.endsWith("]") && !givens.isNamed(key)) out.add(new Expr.Sym(key));
        });
        return out;
    }

    boolean isWhole(String key) { return domains.get(key) == Domain.WHOLE; }

    /** The value with quadrature on coarse pieces. */
    double value(Expr e, Map<String, Double> point) { return coarse.eval(e, point); }

    /** The value with quadrature on finer pieces: the difference from {@link #value} estimates the quadrature error. */
    double fineValue(Expr e, Map<String, Double> point) { return fine.eval(e, point); }
}
