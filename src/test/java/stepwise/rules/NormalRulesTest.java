package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;

/** The normal- family: density and the moments a KL between Gaussians needs. */
class NormalRulesTest {

    @Test
    void densityIsWrittenAsInLectureNotes() {
        var step = first(kl(KlRulesTest.SEED, "q", "p"), "normal-density");
        assertEquals("E[q](log(1/(sigma*sqrt(2*pi))*exp(-1/2*((z - mu)/sigma)^2)) - log(1/sqrt(2*pi)*exp(-1/2*z^2)))", Infix.print(step.after()));
    }

    @Test
    void centralAndRawSecondMoments() {
        var d = kl(KlRulesTest.SEED, "q", "p");
        assertEquals("-1/(2*sigma^2)*sigma^2", Infix.print(first(d, "normal-central-second-moment").after()));
        assertEquals("1/2*(sigma^2 + mu^2)", Infix.print(first(d, "normal-second-moment").after()));
    }

    @Test
    void aShiftedMomentForTwoGeneralGaussians() {
        var d = kl("dist q1 = Normal(m1, v1)\ndist q2 = Normal(m2, v2)", "q1", "q2");
        assertEquals("(v1 + (m1 - m2)^2)/(2*v2)", Infix.print(first(d, "normal-shifted-second-moment").after()));
        assertTrue(allVerified(d));
        double m1 = 0.3, v1 = 1.7, m2 = -1.1, v2 = 0.6;
        double textbook = 0.5 * Math.log(v2 / v1) + (v1 + (m1 - m2) * (m1 - m2)) / (2 * v2) - 0.5;
        assertEquals(textbook, value(d, Map.of("m1", m1, "v1", v1, "m2", m2, "v2", v2)), 1e-12);
    }
}
