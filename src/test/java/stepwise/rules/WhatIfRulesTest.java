package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.Result;

/** The whatif- family: where, sweep, solve, on the seed's Q1. */
class WhatIfRulesTest {
    private static final String Q1 = "stack Q1 { H1 = conv(k=5, s=2, d=1)\n H2 = conv(k=3, s=1)\n H3 = conv(k=5, d=2) }\n";

    private static Result.Solution solve(String relation) {
        return Fixtures.results(Fixtures.derive(Q1 + "solve receptive_field(Q1) " + relation), Result.Solution.class).get(0);
    }

    @Test
    void whereMakesAStrideSymbolic() {
        var d = Fixtures.firstDerivation(Q1 + "derive receptive_field(Q1) where H1.s = s");
        assertEquals("5 + 10*s", Infix.print(d.result()));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void whereCanSetAnotherNumber() {
        var d = Fixtures.firstDerivation(Q1 + "derive receptive_field(Q1) where H3.k = 3, H2.d = 2");
        assertEquals("5 + (3 - 1)*2*2", Infix.print(d.steps().get(3).chain().get(1)));
        assertEquals("21", Infix.print(d.result()));
    }

    @Test
    void sweepGivesOneVerifiedRowPerValue() {
        var w = Fixtures.results(Fixtures.derive(Q1 + "sweep receptive_field(Q1) over H3.d = 1..4"), Result.Sweep.class).get(0);
        assertEquals(List.of("17", "25", "33", "41"), w.rows().stream().map(r -> Infix.print(r.value())).toList());
        assertTrue(w.rows().stream().allMatch(r -> r.verification().ok()));
    }

    @Test
    void sweepAcceptsSymbolicValues() {
        var w = Fixtures.results(Fixtures.derive(Q1 + "sweep receptive_field(Q1) over H3.d = [1, t]"), Result.Sweep.class).get(0);
        assertEquals(List.of("17", "9 + 8*t"), w.rows().stream().map(r -> Infix.print(r.value())).toList());
    }

    @Test
    void twoParameterSweepGivesAVerifiedRowPerPointFirstParameterOuter() {
        var w = Fixtures.results(Fixtures.derive(Q1 + "sweep receptive_field(Q1) over H3.d = 1..3, H1.s = [1, 2]"), Result.Sweep.class).get(0);
        assertEquals(List.of("H3.d", "H1.s"), w.params());
        assertEquals(List.of("1 1 11", "1 2 17", "2 1 15", "2 2 25", "3 1 19", "3 2 33"), w.rows().stream()
                .map(r -> Infix.print(r.at().get(0)) + " " + Infix.print(r.at().get(1)) + " " + Infix.print(r.value())).toList());
        assertTrue(w.rows().stream().allMatch(r -> r.verification().ok()));
    }

    @Test
    void twoParameterSweepOfOutputSizesKeepsTheWhereClause() {
        var w = Fixtures.results(Fixtures.derive(Q1 + "sweep output_size(Q1, n=64) over H3.d = [1, 2], H1.s = [1, 2] where H2.k = 5"),
                Result.Sweep.class).get(0);
        // n = 64: H1 gives floor((64 - 5)/s) + 1 (60 or 30), H2 (k=5) takes 4, H3 takes 4d.
        assertEquals("output_size(Q1, n=64) where H2.k = 5", w.target(), "the target keeps what was assumed, as a derivation's does");
        assertEquals("output_size(Q1, n=64) over H3.d, H1.s where H2.k = 5", w.statement());
        assertEquals(List.of("52", "22", "48", "18"), w.rows().stream().map(r -> Infix.print(r.value())).toList());
    }

    @Test
    void solveFindsTheSmallestDilation() {
        var s = solve(">= 100 for H3.d");
        assertEquals("12", Infix.print(s.value()));
        assertEquals(List.of("whatif-affine", "whatif-threshold"), s.steps().stream().map(x -> x.rule()).toList());
        assertEquals("window arithmetic: RF = 105 at H3.d = 12, RF = 97 at 11", s.steps().get(1).verification().detail());
    }

    @Test
    void solveHandlesStrictAndExactTargets() {
        assertEquals("13", Infix.print(solve("> 105 for H3.d").value()));
        assertEquals("2", Infix.print(solve("= 25 for H3.d").value()));
        assertNull(solve("= 26 for H3.d").value());
    }

    @Test
    void solveSaysHonestlyWhenNothingReachesTheTarget() {
        var s = solve(">= 100 for H1.p");
        assertNull(s.value());
        assertEquals("no whole padding of H1 from 0 up gives RF >= 100", s.reason());
    }

    @Test
    void solveWorksForStrides() {
        assertEquals("10", Infix.print(solve(">= 100 for H1.s").value()));
    }
}
