package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static stepwise.rules.KlFixtures.*;

import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;
import stepwise.result.Step;

/** The ex- family: linearity, constants, and the algebra after a moment. */
class ExpectationRulesTest {

    @Test
    void linearityGroupsTheConstantsAndSplitsTheRest() {
        var grouped = first(kl(KlRulesTest.SEED, "q", "p"), "ex-linearity");
        // The seed's second line.
        assertEquals("E[q](log(1/(sigma*sqrt(2*pi))) - log(1/sqrt(2*pi))) + E[q](-1/2*((z - mu)/sigma)^2) + E[q](1/2*z^2)", Infix.print(grouped.after()));
        assertEquals("quadrature", grouped.verification().method());
    }

    @Test
    void constantFactorsComeOut() {
        var d = kl(KlRulesTest.SEED, "q", "p");
        Step pulled = d.steps().stream().filter(s -> s.rule().equals("ex-linearity")).skip(1).findFirst().orElseThrow();
        assertEquals("E[q](-1/2*((z - mu)/sigma)^2)", Infix.print(pulled.subject()));
        assertEquals("-1/(2*sigma^2)*E[q]((z - mu)^2)", Infix.print(pulled.after()));
    }

    @Test
    void anExpectationOfAConstantIsTheConstant() {
        Step constant = first(kl(KlRulesTest.SEED, "q", "p"), "ex-constant");
        assertEquals("log(1/(sigma*sqrt(2*pi))) - log(1/sqrt(2*pi))", Infix.print(constant.after()));
    }

    @Test
    void algebraSimplifiesTheCoefficientTimesTheMoment() {
        Step algebra = first(kl(KlRulesTest.SEED, "q", "p"), "ex-algebra");
        assertEquals("-1/(2*sigma^2)*sigma^2", Infix.print(algebra.subject()));
        assertEquals("-1/2", Infix.print(algebra.after()));
        assertEquals("symbolic", algebra.verification().method());
    }
}
