package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.Step;

/** The induction- family, through the general closed form of a stack of symbolic depth. */
class InductionRulesTest {
    private static final String DEEP = "stack Deep { repeat l = 1..L { conv(k=k[l], s=s[l], d=d[l]) } }\nderive receptive_field(Deep)";

    @Test
    void theClosedFormIsProvedByInduction() {
        var d = Fixtures.firstDerivation(DEEP);
        assertEquals("1 + sum(l = 1..L, (k[l] - 1)*d[l]*prod(j = 1..l - 1, s[j]))", Infix.print(d.result()));
        assertEquals(List.of("rf-base", "rf-jump", "rf-recurrence", "induction-base", "induction-hypothesis", "induction-step",
                "rf-closed-form", "rf-jump-closed-form", "rf-padding-closed-form"), d.steps().stream().map(Step::rule).toList());
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()), () -> d.steps().toString());
    }

    @Test
    void theInductiveStepAddsTheSumsLastTerm() {
        var step = Fixtures.firstDerivation(DEEP).steps().get(5);
        assertEquals("1 + sum(i = 1..l, (k[i] - 1)*d[i]*prod(j = 1..i - 1, s[j]))", Infix.print(step.after()));
        assertEquals("numeric", step.verification().method());
    }

    @Test
    void theConclusionIsCheckedAgainstWindowArithmeticOnRandomStacks() {
        var conclusion = Fixtures.firstDerivation(DEEP).steps().get(6);
        assertEquals("brute-force", conclusion.verification().method());
        assertEquals(8, conclusion.verification().points().size());
    }

    @Test
    void constantParametersAndPaddingAppearInTheClosedForms() {
        var d = Fixtures.firstDerivation("stack D { repeat l = 1..L { conv(k=3, s=2, p=p[l]) } }\nderive receptive_field(D)");
        assertEquals("1 + sum(l = 1..L, (3 - 1)*1*prod(j = 1..l - 1, 2))", Infix.print(d.result()));
        assertEquals("sum(l = 1..L, p[l]*prod(j = 1..l - 1, 2))", Infix.print(d.steps().get(8).after()));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }
}
