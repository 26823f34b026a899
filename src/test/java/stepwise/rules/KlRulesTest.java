package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stepwise.rules.KlFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.diag.BadInput;

/** The kl- family: definition, densities, independent coordinates, infinite divergences, collecting. */
class KlRulesTest {
    static final String SEED = "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)";

    @Test
    void theSeedPairEndsInTheSeedsOwnForm() {
        var d = kl(SEED, "q", "p");
        assertEquals("1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)", result(d));
        assertTrue(d.steps().size() >= 5);
        assertTrue(allVerified(d));
        assertEquals(List.of("kl-definition", "normal-density", "log-product", "log-exp", "ex-linearity", "ex-constant", "log-simplify",
                "log-power", "ex-linearity", "normal-central-second-moment", "ex-algebra", "ex-linearity", "normal-second-moment", "kl-collect"), rules(d));
    }

    @Test
    void theDefinitionIsTheExpectationOfTheLogRatio() {
        var step = first(kl(SEED, "q", "p"), "kl-definition");
        assertEquals("KL(q || p)", stepwise.ast.Infix.print(step.subject()));
        assertEquals("E[q](log(q(z)) - log(p(z)))", stepwise.ast.Infix.print(step.after()));
        assertEquals("quadrature", step.verification().method());
        assertEquals(5, step.verification().points().size());
    }

    @Test
    void collectingTakesOutTheCommonHalf() {
        var step = first(kl(SEED, "q", "p"), "kl-collect");
        assertEquals("-1/2*log(sigma^2) - 1/2 + 1/2*(sigma^2 + mu^2)", stepwise.ast.Infix.print(step.before()));
        assertEquals("symbolic", step.verification().method());
    }

    @Test
    void concreteParametersGiveANumber() {
        var d = kl("dist a = Normal(1, 4)\ndist b = Normal(0, 1)", "a", "b");
        assertEquals("2 - log(2)", result(d));
        assertEquals(2 - Math.log(2), value(d, java.util.Map.of()), 1e-12);
    }

    @Test
    void independentCoordinatesAddUp() {
        var d = kl("dist qv = Normal(mu[j], sigma[j]^2) for j = 1..J\ndist pv = Normal(0, 1) for j = 1..J", "qv", "pv");
        assertEquals("sum(j = 1..J, 1/2*(-log(sigma[j]^2) - 1 + sigma[j]^2 + mu[j]^2))", result(d));
        assertEquals("kl-independent", d.steps().get(0).rule());
        assertEquals("quadrature", d.steps().get(0).verification().method());
        assertTrue(allVerified(d));
    }

    @Test
    void aNumericCountOfCoordinatesWorksToo() {
        var d = kl("dist qv = Normal(mu[j], 1) for j = 1..3\ndist pv = Normal(0, 1) for j = 1..3", "qv", "pv");
        assertTrue(allVerified(d));
        assertEquals(0.5 * (1 + 4 + 9), stepwise.algebra.Numeric.eval(d.result(), java.util.Map.of("mu[1]", 1.0, "mu[2]", 2.0, "mu[3]", 3.0)), 1e-12);
    }

    @Test
    void familiesMustMatch() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive("dist q = Normal(0, 1)\ndist r = Exponential(2)\nderive KL(q || r)"));
        assertEquals("q is Normal and r is Exponential: the KL divergence is derived between two members of one family", e.getMessage());
    }
}
