package stepwise.handcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.result.Result;
import stepwise.result.Verdict;

/** Hand derivations: each line against the one before; holds, fails with a counterexample, or unknown. */
class HandChecksTest {
    private static final String DISTS = "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)\n";

    private static Result.CheckReport check(String source) {
        return Fixtures.results(Fixtures.derive(source), Result.CheckReport.class).get(0);
    }

    private static List<Verdict.Status> statuses(Result.CheckReport c) {
        return c.lines().stream().map(l -> l.verdict().status()).toList();
    }

    @Test
    void numbersAreComparedExactly() {
        var c = check("check \"Q1 H3\" {\n  9 + (5 - 1) * (2 * 1) * 2\n  = 25\n}");
        assertEquals(List.of(Verdict.Status.HOLDS), statuses(c));
        assertEquals("symbolic", c.lines().get(0).verdict().method());
        var wrong = check("check {\n  9 + (5 - 1) * (2 * 1) * 2\n  = 26\n}");
        assertEquals(3, wrong.firstError());
        assertEquals("the left side is 25, the right side 26", wrong.lines().get(0).verdict().reason());
    }

    @Test
    void theSeedsTypoIsTheFirstError() {
        var c = check(DISTS + """
                check "first term" given q, p {
                  E[q](log(1/(sigma*sqrt(2*pi))) - log(1/(sigma*sqrt(2*pi))))
                  = E[q](-log(sigma*sqrt(2*pi)/sqrt(2*pi)))
                  = -log(sigma)
                  = -1/2*log(sigma^2)
                }""");
        assertEquals(List.of(Verdict.Status.FAILS, Verdict.Status.HOLDS, Verdict.Status.HOLDS), statuses(c));
        assertEquals(5, c.firstError());
        Verdict fails = c.lines().get(0).verdict();
        assertEquals(List.of("mu", "sigma"), List.copyOf(fails.counterexample().keySet()));
        assertEquals(0.0, Double.parseDouble(fails.lhsValue()), 1e-12);
        double sigma = Double.parseDouble(fails.counterexample().get("sigma"));
        assertEquals(-Math.log(sigma), Double.parseDouble(fails.rhsValue()), 1e-9);
        assertFalse(c.ok());
    }

    @Test
    void algebraIsProvedSymbolicallyAndExpectationsNumerically() {
        var c = check(DISTS + "check given q {\n  E[q](1/2*z^2)\n  = 1/2*(sigma^2 + mu^2)\n  = sigma^2/2 + mu^2/2\n}");
        assertEquals(List.of("numeric", "symbolic"), c.lines().stream().map(l -> l.verdict().method()).toList());
        assertTrue(c.ok());
        assertNull(c.firstError());
    }

    @Test
    void inequalitiesAreCheckedAtTheSamePoints() {
        var c = check(DISTS + "check given q {\n  KL(q || p)\n  >= 0\n  < -1\n}");
        assertEquals(List.of(Verdict.Status.HOLDS, Verdict.Status.FAILS), statuses(c));
    }

    @Test
    void whatCannotBeEvaluatedIsUnknownNotWrong() {
        var c = check("check {\n  f(x)\n  = x\n}");
        assertEquals(Verdict.Status.UNKNOWN, c.lines().get(0).verdict().status());
        assertTrue(c.ok(), "unknown is not a failure");
    }

    @Test
    void anOverflowIsNeverTakenForEquality() {
        // 2^(63^4) overflows a double on both roads; an infinity is not a value to compare.
        var huge = check("check {\n  2^63 ^ 4/2\n  = 1\n}");
        assertEquals(List.of(Verdict.Status.UNKNOWN), statuses(huge));
        var twoHuge = check("check {\n  x*2^(63^4)\n  = x*2^(63^4) + 1\n}");
        assertEquals(List.of(Verdict.Status.UNKNOWN), statuses(twoHuge));
    }

    @Test
    void symbolsNoDistributionDeclaresAreSampledPositive() {
        var c = check("check {\n  log(a*b)\n  = log(a) + log(b)\n  = log(a) - log(b)\n}");
        assertEquals(List.of(Verdict.Status.HOLDS, Verdict.Status.FAILS), statuses(c));
    }
}
