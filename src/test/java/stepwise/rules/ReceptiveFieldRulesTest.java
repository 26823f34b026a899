package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;

/** The rf- family: base case, recurrence, jump, padding, parallel blocks. */
class ReceptiveFieldRulesTest {

    private static List<String> column(Result.Derivation d, java.util.function.Function<LayerRow, List<stepwise.ast.Expr>> col) {
        return d.layers().stream().map(r -> Infix.print(col.apply(r).get(0))).toList();
    }

    private static Step step(Result.Derivation d, String subject) {
        return d.steps().stream().filter(s -> Infix.print(s.subject()).equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void seedQuestionOneGivesFiveNineTwentyFive() {
        var d = Fixtures.firstDerivation("stack Q1 { H1 = conv(k=5, s=2, d=1)\n H2 = conv(k=3, s=1)\n H3 = conv(k=5, d=2) }\nderive receptive_field(Q1)");
        assertEquals(List.of("5", "9", "25"), column(d, LayerRow::rf));
        assertEquals(List.of("2", "2", "2"), column(d, LayerRow::stride));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void baseCaseIsTheKernelSizeWithoutDilation() {
        var d = Fixtures.firstDerivation("stack S { A = conv(k=7) }\nderive receptive_field(S)");
        Step base = step(d, "RF_A");
        assertEquals("rf-base", base.rule());
        assertEquals(List.of("k_A", "7"), base.chain().stream().map(Infix::print).toList());
    }

    @Test
    void baseCaseOfADilatedLayerSpreadsTheKernel() {
        var d = Fixtures.firstDerivation("stack S { A = conv(k=3, d=4) }\nderive receptive_field(S)");
        Step base = step(d, "RF_A");
        assertEquals(List.of("d_A*(k_A - 1) + 1", "4*(3 - 1) + 1", "9"), base.chain().stream().map(Infix::print).toList());
        assertTrue(base.verification().ok());
    }

    @Test
    void recurrenceSubstitutesThePreviousLayersValues() {
        var d = Fixtures.firstDerivation("stack Q1 { H1 = conv(k=5, s=2)\n H2 = conv(k=3)\n H3 = conv(k=5, d=2) }\nderive receptive_field(Q1)");
        Step h3 = step(d, "RF_H3");
        assertEquals("rf-recurrence", h3.rule());
        assertEquals(List.of("RF_H2 + (k_H3 - 1)*d_H3*J_H2", "9 + (5 - 1)*2*2", "25"), h3.chain().stream().map(Infix::print).toList());
    }

    @Test
    void paddingAccumulatesInInputPositions() {
        var d = Fixtures.firstDerivation("stack S { conv(k=3, p=1)\n conv(k=3, s=2, p=1)\n conv(k=3, p=2) }\nderive receptive_field(S)");
        assertEquals(List.of("1", "2", "6"), column(d, LayerRow::padding));
        assertEquals(List.of("1", "2", "2"), column(d, LayerRow::stride));
        assertEquals(List.of("3", "5", "9"), column(d, LayerRow::rf));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void poolingLayersAreLayersLikeAnyOther() {
        var d = Fixtures.firstDerivation("stack S { conv(k=3)\n maxpool(k=2, s=2)\n avgpool(k=3, s=1) }\nderive receptive_field(S)");
        assertEquals(List.of("3", "4", "8"), column(d, LayerRow::rf));
    }

    @Test
    void residualBlockSeesTheUnionOfItsPaths() {
        var d = Fixtures.firstDerivation("""
                stack R {
                  stem = conv(k=3)
                  res = parallel { path { a = conv(k=3, p=1)
                                          b = conv(k=3, p=1) }
                                   path { } }
                }
                derive receptive_field(R)""");
        Step rf = step(d, "RF_res");
        assertEquals("rf-parallel", rf.rule());
        assertEquals("7", Infix.print(rf.after()));
        assertEquals("2", Infix.print(step(d, "P_res").after()));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void pathsWithDifferentStridesAreReportedNotAligned() {
        var d = Fixtures.firstDerivation("stack R { b = parallel { path { conv(k=3, s=2) } path { conv(k=1) } } }\nderive receptive_field(R)");
        LayerRow b = d.layers().get(d.layers().size() - 1);
        assertEquals(Boolean.FALSE, b.aligned());
        assertEquals("the paths' effective strides differ (2 and 1), so their outputs lie on different grids", b.reason());
        assertEquals("rf-parallel-strides", step(d, "RF_b").rule());
        assertEquals("3", Infix.print(d.result()), "the block is the stack's output");
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void whatIfRefusesAStackWhoseOutputIsNotDerived() {
        var report = stepwise.Stepwise.deriveEach("t.deriv",
                "stack M { b = parallel { path { conv(k=3, s=2) } path { conv(k=1, s=4) } }  c = conv(k=3) }\nsweep receptive_field(M) over c.k = 1..3\n");
        assertEquals(List.of("receptive_field(M) has no single value: the layers after block b are not derived: its paths' effective strides differ (2 and 4)"),
                report.errors().stream().map(e -> e.message()).toList());
    }

    @Test
    void symbolicKernelSizesGiveAFormulaCheckedAtRandomPoints() {
        var d = Fixtures.firstDerivation("stack S { conv(k=k1, s=2)\n conv(k=k2) }\nderive receptive_field(S)");
        assertEquals("-2 + k1 + 2*k2", Infix.print(d.result()));
        Step last = step(d, "RF_L2");
        assertEquals("brute-force", last.verification().method());
        assertTrue(last.verification().ok());
        assertEquals(6, last.verification().points().size());
    }

    @Test
    void everyRuleTheDerivationUsesIsListed() {
        var d = Fixtures.firstDerivation("stack S { conv(k=3)\n conv(k=3) }\nderive receptive_field(S)");
        for (Step s : d.steps()) assertTrue(Rules.byId(s.rule()).isPresent(), s.rule());
        assertEquals(17, ReceptiveFieldRules.FAMILY.rules().size());
    }
}
