package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniformRulesTest {

    @Test
    void nestedSupportsGiveTheLogOfTheWidthRatio() {
        var d = kl("dist u1 = Uniform(a1, b1)\ndist u2 = Uniform(a2, b2)", "u1", "u2");
        assertEquals("-log(b1 - a1) + log(b2 - a2)", result(d));
        assertEquals(List.of("derived for nested supports, $a_{2} \\leq a_{1}$ and $b_{1} \\leq b_{2}$; otherwise $\\mathrm{KL}(u_{1} \\,\\|\\, u_{2})$ is infinite"), d.notes());
        assertTrue(allVerified(d));
    }

    @Test
    void supportsThatAreNotNestedGiveAnInfiniteKlWithTheReason() {
        var d = kl("dist w1 = Uniform(0, 2)\ndist w2 = Uniform(1, 3)", "w1", "w2");
        assertEquals("infinity", result(d));
        assertEquals("kl-infinite", d.steps().get(0).rule());
        assertEquals("$w_{1}$ gives probability to $[0, 1)$, where $w_{2}$ has none", d.steps().get(0).justification());
        assertEquals(List.of("$\\mathrm{KL}(w_{1} \\,\\|\\, w_{2})$ is infinite: $w_{1}$ gives probability to $[0, 1)$, where $w_{2}$ has none"), d.notes());
    }
}
