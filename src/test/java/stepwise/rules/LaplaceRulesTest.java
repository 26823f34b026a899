package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaplaceRulesTest {
    private static final String PAIRS = "dist l1 = Laplace(m, b1)\ndist l2 = Laplace(m, b2)\ndist l3 = Laplace(m3, b3)";

    @Test
    void equalLocationsUseTheAbsoluteMoment() {
        var d = kl(PAIRS, "l1", "l2");
        assertEquals("-log(b1) + log(b2) - 1 + b1/b2", result(d));
        assertTrue(rules(d).contains("laplace-abs-moment"));
        assertTrue(allVerified(d));
    }

    @Test
    void differentLocationsUseTheShiftedMoment() {
        var d = kl(PAIRS, "l1", "l3");
        assertTrue(rules(d).contains("laplace-shifted-abs-moment"));
        assertTrue(allVerified(d));
        double m = 0.4, b1 = 0.7, m3 = -0.5, b3 = 1.3, gap = Math.abs(m - m3);
        double textbook = Math.log(b3 / b1) + gap / b3 + b1 / b3 * Math.exp(-gap / b1) - 1;
        assertEquals(textbook, value(d, Map.of("m", m, "b1", b1, "m3", m3, "b3", b3)), 1e-12);
    }
}
