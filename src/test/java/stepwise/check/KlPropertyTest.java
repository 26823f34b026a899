package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.algebra.Numeric;
import stepwise.result.Result;

/**
 * Property: for random parameters of every family, the derived KL (symbolic, then evaluated) equals
 * the textbook formula and a direct numerical integration of q log(q/p) written here (composite
 * Simpson on a wide interval), and derivations with numbers give the same value.
 */
class KlPropertyTest {

    interface Density { double at(double z); }

    /** Composite Simpson's rule, written for this test only. */
    static double simpson(DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / n, sum = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < n; i++) sum += f.applyAsDouble(lo + i * h) * (i % 2 == 0 ? 2 : 4);
        return sum * h / 3;
    }

    static double klByIntegration(Density q, Density p, double lo, double hi) {
        return simpson(z -> {
            double a = q.at(z), b = p.at(z);
            return a == 0 ? 0 : a * Math.log(a / b);
        }, lo, hi, 200_000);
    }

    static Density normal(double m, double v) { return z -> Math.exp(-(z - m) * (z - m) / (2 * v)) / Math.sqrt(2 * Math.PI * v); }

    static Density laplace(double m, double b) { return z -> Math.exp(-Math.abs(z - m) / b) / (2 * b); }

    static Density exponential(double l) { return z -> z < 0 ? 0 : l * Math.exp(-l * z); }

    private static Result.Derivation derived(String decls) { return Fixtures.firstDerivation(decls); }

    private static String num(double x) { return String.format(Locale.ROOT, "%.3f", x); }

    @Test
    void normalPairs() {
        var symbolic = derived("dist q = Normal(m1, v1)\ndist p = Normal(m2, v2)\nderive KL(q || p)");
        var random = new Random(1);
        for (int i = 0; i < 40; i++) {
            double m1 = round(random, -2, 2), v1 = round(random, 0.3, 3), m2 = round(random, -2, 2), v2 = round(random, 0.3, 3);
            double textbook = 0.5 * Math.log(v2 / v1) + (v1 + (m1 - m2) * (m1 - m2)) / (2 * v2) - 0.5;
            double formula = Numeric.eval(symbolic.result(), Map.of("m1", m1, "v1", v1, "m2", m2, "v2", v2));
            assertEquals(textbook, formula, 1e-10);
            if (i < 6) {
                assertEquals(textbook, klByIntegration(normal(m1, v1), normal(m2, v2), -30, 30), 1e-6);
                var concrete = derived("dist q = Normal(" + num(m1) + ", " + num(v1) + ")\ndist p = Normal(" + num(m2) + ", " + num(v2) + ")\nderive KL(q || p)");
                assertTrue(concrete.ok());
                assertEquals(textbook, Numeric.eval(concrete.result(), Map.of()), 1e-10);
            }
        }
    }

    @Test
    void exponentialLaplaceAndBernoulliPairs() {
        var exp = derived("dist q(x) = Exponential(a)\ndist p(x) = Exponential(b)\nderive KL(q || p)");
        var lap = derived("dist q = Laplace(m1, b1)\ndist p = Laplace(m2, b2)\nderive KL(q || p)");
        var ber = derived("dist q = Bernoulli(s)\ndist p = Bernoulli(t)\nderive KL(q || p)");
        var random = new Random(2);
        for (int i = 0; i < 30; i++) {
            double a = round(random, 0.3, 3), b = round(random, 0.3, 3);
            assertEquals(Math.log(a / b) + b / a - 1, Numeric.eval(exp.result(), Map.of("a", a, "b", b)), 1e-10);
            double m1 = round(random, -2, 2), b1 = round(random, 0.3, 2), m2 = round(random, -2, 2), b2 = round(random, 0.3, 2), gap = Math.abs(m1 - m2);
            double laplace = Math.log(b2 / b1) + gap / b2 + b1 / b2 * Math.exp(-gap / b1) - 1;
            assertEquals(laplace, Numeric.eval(lap.result(), Map.of("m1", m1, "b1", b1, "m2", m2, "b2", b2)), 1e-10);
            double s = round(random, 0.05, 0.95), t = round(random, 0.05, 0.95);
            assertEquals(s * Math.log(s / t) + (1 - s) * Math.log((1 - s) / (1 - t)), Numeric.eval(ber.result(), Map.of("s", s, "t", t)), 1e-10);
            if (i < 5) {
                assertEquals(Math.log(a / b) + b / a - 1, klByIntegration(exponential(a), exponential(b), 0, 80 / Math.min(a, b)), 1e-6);
                assertEquals(laplace, klByIntegration(laplace(m1, b1), laplace(m2, b2), -60, 60), 1e-6);
            }
        }
    }

    @Test
    void uniformPairsWithNestedSupports() {
        var d = derived("dist q = Uniform(a1, b1)\ndist p = Uniform(a2, b2)\nderive KL(q || p)");
        var random = new Random(3);
        for (int i = 0; i < 30; i++) {
            double a2 = round(random, -3, 0), a1 = a2 + round(random, 0, 1), b1 = a1 + round(random, 0.2, 2), b2 = b1 + round(random, 0, 2);
            assertEquals(Math.log((b2 - a2) / (b1 - a1)), Numeric.eval(d.result(), Map.of("a1", a1, "b1", b1, "a2", a2, "b2", b2)), 1e-10);
        }
    }

    private static double round(Random r, double lo, double hi) { return Math.round((lo + (hi - lo) * r.nextDouble()) * 1000) / 1000.0; }
}
