package stepwise.handcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.diag.BadInput;
import stepwise.result.Result;
import stepwise.result.Verdict;

/** Judging relations: no false "holds", no false "fails", definitions and substitutions, consequences, explanations. */
class JudgingTest {
    private static final String DISTS = """
            dist q = Normal(mu, sigma^2)
            dist p = Normal(0, 1)
            dist l = Laplace(-3, 2)
            dist u = Uniform(a, b)
            """;

    private static List<Result.CheckReport> checks(String source) {
        return Fixtures.results(Fixtures.derive(source), Result.CheckReport.class);
    }

    private static Result.CheckedLine only(String relation) {
        return checks(DISTS + "check given q, p, l, u { " + relation + " }").get(0).lines().get(0);
    }

    /** Found by an adversarial run: each must be judged as written here, never the other way. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            mu = abs(mu) ; FAILS
            sqrt(mu^2) = mu ; FAILS
            2*log(abs(mu)) = 2*log(mu) ; FAILS
            pi = 355/113 ; FAILS
            log(sigma^2) + 10^-9 = 2*log(sigma) ; FAILS
            log(sigma^2) = 2*log(sigma) ; HOLDS
            sqrt(sigma^2) = sigma ; HOLDS
            E[l](abs(z)) = 3 + 2*exp(-3/2) ; HOLDS
            E[l](abs(z)) = 3 + 2*exp(-3/2) + 10^-5 ; FAILS
            E[l](max(z, -1)) = E[l](max(z + 1, 0)) - 1 ; HOLDS
            E[u](z) = (a + b)/2 ; HOLDS
            E[u](abs(z)) = E[u](abs(z)) ; HOLDS
            KL(q || p) = 1/2*(sigma^2 + mu^2 - 1 - log(sigma^2)) ; HOLDS
            KL(q || p) = 1/2*(sigma^2 + mu^2 - 1 + log(sigma^2)) ; FAILS
            sum(j = 1..3, 2*j) = 12 ; HOLDS
            """)
    void adversarialRelations(String relation, Verdict.Status expected) {
        assertEquals(expected, only(relation).verdict().status(), relation);
    }

    @Test
    void aNearMissOfAClosedFormNamesBothValues() {
        var v = only("pi = 355/113").verdict();
        assertTrue(v.reason().startsWith("the two sides differ by -2.667"), v.reason());
    }

    @Test
    void aMeanIsSampledNegativeToo() {
        var v = only("mu = abs(mu)").verdict();
        assertTrue(Double.parseDouble(v.counterexample().get("mu")) < 0, v.counterexample().toString());
    }

    @Test
    void aDiagonalGaussianSumIsCheckedForEveryWholeBound() {
        var c = checks("""
                dist q = Normal(mu[j], sigma[j]^2) for j = 1..J
                dist p = Normal(0, 1) for j = 1..J
                check given q, p {
                  KL(q || p)
                  = sum(j = 1..J, 1/2*(sigma[j]^2 + mu[j]^2 - 1 - log(sigma[j]^2)))
                  = 1/2*sum(j = 1..J, sigma[j]^2 + mu[j]^2) - J/2 - sum(j = 1..J, log(sigma[j]))
                  = 1/2*sum(j = 1..J, sigma[j]^2 + mu[j]^2) - J - sum(j = 1..J, log(sigma[j]))
                }""").get(0);
        assertEquals(List.of(Verdict.Status.HOLDS, Verdict.Status.HOLDS, Verdict.Status.FAILS),
                c.lines().stream().map(l -> l.verdict().status()).toList());
        var wrong = c.lines().get(2);
        assertEquals("J/2", wrong.difference());
        assertEquals("missing-term", wrong.slip());
        assertTrue(wrong.verdict().counterexample().containsKey("J"), wrong.verdict().counterexample().toString());
    }

    @Test
    void everyWholeBoundFromOneToSixIsTested() {
        var points = new SamplePoints(List.of(stepwise.syntax.DerivSyntax.parse("check { sum(j = 1..J, j) = J*(J + 1)/2 }").stream()
                .map(s -> ((stepwise.ast.Statement.Check) s).chain().get(0).expr()).findFirst().orElseThrow()), new Givens(java.util.Map.of()));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), points.points().stream().map(p -> p.get("J")).toList());
        assertTrue(points.points().stream().noneMatch(p -> p.containsKey("j")), "a sum's index is never sampled");
    }

    @Test
    void aDefinitionThenASubstitutionThenArithmetic() {
        var c = checks("""
                check "H1" { RF_H1 = 5 }
                check "H2" {
                  RF_H2 = RF_H1 + (K_2 - 1)*S_1
                  = 5 + (3 - 1)*2
                  = 9
                }
                check "H3" {
                  RF_H3 = RF_H2 + (K_3 - 1)*S_1*S_2
                  = 9 + (3 - 1)*3*1
                  = 15
                }""");
        var h2 = c.get(1).lines();
        assertEquals(List.of("definition", "substitution", "symbolic"), h2.stream().map(l -> l.verdict().method()).toList());
        assertTrue(c.get(1).ok());
        var h3 = c.get(2).lines();
        assertEquals(Verdict.Status.FAILS, h3.get(1).verdict().status());
        assertEquals("S_1 is 2 (line 4), but 3 is put in its place", h3.get(1).verdict().reason());
        assertEquals("substitution", h3.get(1).slip());
        assertEquals(Verdict.Status.HOLDS, h3.get(2).verdict().status(), "15 is what the wrong line gives");
    }

    @Test
    void aShapeThatDoesNotMatchIsUnknownWithTheReason() {
        var line = checks("check { RF = RF_1 + (K - 1)*S = 9 }").get(0).lines().get(1);
        assertEquals(Verdict.Status.UNKNOWN, line.verdict().status());
        assertTrue(line.verdict().reason().startsWith("numbers stand for symbols that have no values given"), line.verdict().reason());
    }

    @Test
    void aLineWrongOnlyAsAConsequenceSaysSo() {
        var c = checks(DISTS + """
                check given q {
                  (mu + sigma)^2
                  = mu^2 + sigma^2
                  = sigma^2 + mu^2
                  = mu^2 + 2*mu*sigma + sigma^2
                }""").get(0);
        assertEquals(List.of(Verdict.Status.FAILS, Verdict.Status.HOLDS, Verdict.Status.HOLDS),
                c.lines().stream().map(l -> l.verdict().status()).toList());
        assertNotNull(c.lines().get(1).note());
        assertNull(c.lines().get(2).note(), "the last line holds against the last line that held");
        assertEquals(7, c.firstError());
    }

    @Test
    void aSignSlipAndAFactorSlipAreNamed() {
        assertEquals("sign", only("log(sigma^2) = -2*log(sigma)").slip());
        assertEquals("factor", only("log(sigma^2) = log(sigma)").slip());
        assertEquals("arithmetic", only("9 + (5 - 1)*2 = 16").slip());
    }

    @Test
    void aDensityWithoutItsPointIsAnErrorAtItsPlace() {
        var e = assertThrows(BadInput.class, () -> Fixtures.derive(DISTS + "check given q {\n  log(q())\n  = 0\n}"));
        assertEquals("the density q() needs the point it is taken at, as in q(z)", e.getMessage());
        assertEquals(6, e.diagnostic().span().line());
    }

    /** The quadrature splits at a Laplace location: this KL's correct steps no longer fail their checks. */
    @Test
    void theLaplaceKlDerivesWithEveryStepVerified() {
        var d = Fixtures.firstDerivation("dist q = Laplace(-3, 2)\ndist p = Laplace(0, 1)\nderive KL(q || p)\n");
        assertTrue(d.ok(), "a step failed its check");
        assertTrue(d.steps().stream().allMatch(s -> s.verification().status() == stepwise.result.Verification.Status.VERIFIED));
        assertEquals("2 + 2/exp(3/2) - log(2)", stepwise.ast.Infix.print(d.result()));
    }

    @Test
    void aWrongLineCarriesItsDifferenceAndSlipInJson() {
        var report = Fixtures.derive(DISTS + "check given q {\n  log(sigma^2)\n  = -2*log(sigma)\n}");
        String json = new stepwise.print.JsonPrinter().print(new stepwise.Report("t.deriv",
                report.results().stream().filter(r -> r instanceof Result.CheckReport).toList()));
        assertTrue(json.contains("\"slip\" : \"sign\""), json);
        assertTrue(json.contains("\"difference\" : "), json);
        assertTrue(json.contains("\"ok\" : false"), json);
    }

    @Test
    void anExpectationWithoutItsDistributionTakesTheOneDeclared() {
        var c = checks("dist q = Normal(mu, sigma^2)\ncheck latex \"m\" \"\"\"\n\\mathbb{E}[z^2] = \\mathrm{Var}(z) + \\mu^2 = \\sigma^2 + \\mu^2\n\"\"\"\n").get(0);
        assertEquals(List.of(Verdict.Status.HOLDS, Verdict.Status.HOLDS), c.lines().stream().map(l -> l.verdict().status()).toList());
        var ambiguous = checks(DISTS + "check latex \"m\" \"\"\"\n\\mathbb{E}[z] = \\mu\n\"\"\"\n").get(0).lines().get(0).verdict();
        assertEquals(Verdict.Status.UNKNOWN, ambiguous.status());
        assertTrue(ambiguous.reason().contains("ambiguous"), ambiguous.reason());
    }
}
