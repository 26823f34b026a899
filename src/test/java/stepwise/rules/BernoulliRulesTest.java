package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;

class BernoulliRulesTest {

    @Test
    void theMeanIsTheProbabilityAndTheKlIsTheTextbooks() {
        var d = kl("dist c1 = Bernoulli(p1)\ndist c2 = Bernoulli(p2)", "c1", "c2");
        assertEquals("E[c1](log(p1^z*(1 - p1)^(1 - z)) - log(p2^z*(1 - p2)^(1 - z)))", Infix.print(first(d, "bernoulli-density").after()));
        assertEquals("p1*log(p1)", Infix.print(first(d, "bernoulli-mean").after()));
        assertEquals("quadrature", first(d, "bernoulli-mean").verification().method());
        assertTrue(allVerified(d));
        double p1 = 0.3, p2 = 0.8;
        assertEquals(p1 * Math.log(p1 / p2) + (1 - p1) * Math.log((1 - p1) / (1 - p2)), value(d, Map.of("p1", p1, "p2", p2)), 1e-12);
    }
}
