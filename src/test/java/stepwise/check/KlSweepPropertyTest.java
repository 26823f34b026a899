package stepwise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.algebra.Numeric;
import stepwise.ast.Infix;
import stepwise.result.Result;

/**
 * Property: every point of a KL sweep over a Normal's scale and mean equals the textbook closed form
 * KL(N(μ, σ²) ‖ N(0, 1)) = (σ² + μ² − 1)/2 − log σ, evaluated in floating point (an independent
 * road), and the derivation of the same KL declared with those numbers.
 */
class KlSweepPropertyTest {
    private static final String DISTS = "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)\n";

    private static List<String> values(Random r, int count, boolean positive) {
        var out = new java.util.LinkedHashSet<String>();
        while (out.size() < count) {
            int num = positive ? 1 + r.nextInt(12) : r.nextInt(9) - 4;
            out.add(num + "/4");
        }
        return new ArrayList<>(out);
    }

    private static double number(String fraction) {
        String[] parts = fraction.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }

    @Test
    void everyGridPointEqualsTheClosedFormAndTheDirectDerivation() {
        var random = new Random(2026);
        int points = 0;
        for (int trial = 0; trial < 4; trial++) {
            var sigmas = values(random, 3, true);
            var mus = values(random, 2, false);
            String src = DISTS + "sweep KL(q || p) over sigma = [" + String.join(", ", sigmas) + "], mu = [" + String.join(", ", mus) + "]\n";
            var grid = Fixtures.results(Fixtures.derive(src), Result.Sweep.class).get(0);
            assertEquals(sigmas.size() * mus.size(), grid.rows().size(), src);
            int i = 0;
            for (String sigma : sigmas) {
                for (String mu : mus) {
                    var row = grid.rows().get(i++);
                    double s = number(sigma), m = number(mu);
                    double expected = (s * s + m * m - 1) / 2 - Math.log(s);
                    String where = src + " at sigma = " + sigma + ", mu = " + mu + ": " + Infix.print(row.value());
                    assertEquals(expected, Numeric.eval(row.value(), Map.of()), 1e-12, where);
                    assertTrue(row.verification().ok(), where);
                    if (i == 1) {
                        String direct = "dist a = Normal(" + mu + ", (" + sigma + ")^2)\ndist p = Normal(0, 1)\nderive KL(a || p)\n";
                        assertEquals(Infix.print(Fixtures.firstDerivation(direct).result()), Infix.print(row.value()), where);
                    }
                    points++;
                }
            }
        }
        assertEquals(24, points);
    }
}
