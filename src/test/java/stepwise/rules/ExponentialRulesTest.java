package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExponentialRulesTest {

    @Test
    void theMeanIsTheReciprocalRate() {
        var d = kl("dist e1(x) = Exponential(lambda1)\ndist e2(x) = Exponential(lambda2)", "e1", "e2");
        assertEquals("log(lambda1) - log(lambda2) - 1 + lambda2/lambda1", result(d));
        assertEquals("exponential-density", d.steps().get(1).rule());
        assertTrue(rules(d).contains("exponential-mean"));
        assertTrue(allVerified(d));
        assertEquals(Math.log(2.0 / 0.5) + 0.5 / 2.0 - 1, value(d, Map.of("lambda1", 2.0, "lambda2", 0.5)), 1e-12);
    }
}
