package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static stepwise.rules.KlFixtures.*;

import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;

/** The log- family, as the KL derivations use it. */
class LogRulesTest {

    @Test
    void logOfAProductSplitsAndLogOfAnExponentialUnwraps() {
        var d = kl(KlRulesTest.SEED, "q", "p");
        assertEquals("E[q]((log(1/(sigma*sqrt(2*pi))) + log(exp(-1/2*((z - mu)/sigma)^2))) - (log(1/sqrt(2*pi)) + log(exp(-1/2*z^2))))",
                Infix.print(first(d, "log-product").after()));
        // The seed's first line, term for term.
        assertEquals("E[q](log(1/(sigma*sqrt(2*pi))) - 1/2*((z - mu)/sigma)^2 - log(1/sqrt(2*pi)) + 1/2*z^2)",
                Infix.print(first(d, "log-exp").after()));
    }

    @Test
    void constantsSimplifyUnderTheDomainAndReturnToTheVariance() {
        var d = kl(KlRulesTest.SEED, "q", "p");
        var simplify = first(d, "log-simplify");
        assertEquals("-log(sigma)", Infix.print(simplify.after()));
        assertEquals("symbolic", simplify.verification().method());
        assertEquals("-1/2*log(sigma^2)", Infix.print(first(d, "log-power").after()));
    }

    @Test
    void logOfAPowerBringsTheExponentDown() {
        var d = kl("dist c1 = Bernoulli(p1)\ndist c2 = Bernoulli(p2)", "c1", "c2");
        assertEquals("E[c1](z*log(p1) + (1 - z)*log(1 - p1) - z*log(p2) - (1 - z)*log(1 - p2))", Infix.print(first(d, "log-power").after()));
    }
}
