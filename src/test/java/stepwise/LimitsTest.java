package stepwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;
import stepwise.result.Verification;

/**
 * Inputs at and beyond the language's limits: deep nesting, long chains, large stacks and canvases,
 * and shapes that once gave a wrong answer. Each gives the right answer or a located error.
 */
class LimitsTest {

    private static BadInput refused(String source) {
        return assertThrows(BadInput.class, () -> Fixtures.derive(source));
    }

    private static void refusedAt(String source, int line, int column, String message) {
        var e = refused(source);
        assertEquals(message, e.getMessage());
        assertEquals(line, e.diagnostic().span().line(), "line of: " + message);
        assertEquals(column, e.diagnostic().span().column(), "column of: " + message);
    }

    private static String stack(String value) { return "stack S { conv(k=" + value + ") }\nderive receptive_field(S)\n"; }

    @Test
    void fiveThousandNestedParenthesesAreRefusedAtTheFirstTooDeep() {
        // The stack's brace and conv's parenthesis are levels 1 and 2: the 99th written parenthesis, column 18 + 98, is level 101.
        refusedAt(stack("(".repeat(5000) + "3" + ")".repeat(5000)), 1, 18 + 98, "brackets nested more than 100 deep");
    }

    @Test
    void longPowerChainsAndSignRunsAreRefused() {
        String power = String.join("^", java.util.Collections.nCopies(10_000, "1"));
        assertTrue(refused(stack(power)).getMessage().startsWith("the expression nests more than 100 deep"));
        assertTrue(refused(stack("-".repeat(10_000) + "3")).getMessage().startsWith("the expression nests more than 100 deep"));
        assertTrue(refused(stack(String.join("/", java.util.Collections.nCopies(10_000, "1")))).getMessage().startsWith("the expression nests more than 100 deep"));
    }

    @Test
    void aChainJustWithinTheLimitIsRead() {
        var d = Fixtures.firstDerivation(stack("(".repeat(90) + "3" + ")".repeat(90)));
        assertEquals("3", Infix.print(d.result()));
        var minus = Fixtures.firstDerivation(stack("-".repeat(90) + "3"));
        assertEquals("3", Infix.print(minus.result()));
    }

    @Test
    void fiveHundredNestedParallelBlocksAreRefused() {
        String source = "stack S { " + "parallel { path { ".repeat(500) + "conv(k=3)" + " } }".repeat(500) + " }\nderive receptive_field(S)\n";
        assertEquals("brackets nested more than 100 deep", refused(source).getMessage());
    }

    @Test
    void aMillionCoordinatesAreRefusedAtTheDeclaration() {
        refusedAt("dist q = Normal(mu[j], 1) for j = 1..1000000\n", 1, 1, "Normal q: at most 1000 coordinates, got 1..1000000");
    }

    @Test
    void aStackOfMoreThanTenThousandLayersIsRefused() {
        String layers = "conv(k=3) ".repeat(100_000);
        var e = refused("stack S { " + layers + "}\nderive receptive_field(S)\n");
        assertTrue(e.getMessage().startsWith("stack S has more than 10000 layers"), e.getMessage());
    }

    @Test
    void aTransposedConvolutionOfAHundredByHundredInputIsSummedWithoutHoldingEveryCopy() {
        String row = "[" + String.join(",", java.util.Collections.nCopies(100, "1")) + "]";
        String source = "let X = [" + String.join(",", java.util.Collections.nCopies(100, row)) + "]\nlet K = [[1,2],[3,4]]\nderive conv_transpose(X, K, s=2)\n";
        var d = Fixtures.firstDerivation(source);
        var m = (stepwise.ast.Expr.Matrix) d.result();
        assertEquals(200, m.height());
        assertEquals("4", Infix.print(m.at(199, 199)));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void theWidestPathDecidesSolve() {
        var s = Fixtures.results(Fixtures.derive("stack R { b = parallel { path { q2 = conv(k=3) } path { q3 = conv(k=5) } } }\n"
                + "solve receptive_field(R) >= 12 for q2.k\n"), Result.Solution.class).get(0);
        assertEquals("12", Infix.print(s.value()));
        assertEquals("window arithmetic: RF = 12 at q2.k = 12, RF = 11 at 11", s.steps().get(1).verification().detail());
        assertTrue(s.steps().stream().allMatch(x -> x.verification().ok()));
    }

    @Test
    void solveSearchesBelowATargetAndForEquality() {
        String r = "stack R { b = parallel { path { q2 = conv(k=3) } path { q3 = conv(k=5) } } }\n";
        var results = Fixtures.results(Fixtures.derive(r + "solve receptive_field(R) = 7 for q2.k\nsolve receptive_field(R) <= 4 for q2.k\n"
                + "solve receptive_field(R) >= 2000000 for q2.k\n"), Result.Solution.class);
        assertEquals("7", Infix.print(results.get(0).value()));
        assertNull(results.get(1).value());
        assertNull(results.get(2).value());
        assertEquals("no whole kernel size of q2 from 1 to 1000000 (the largest value allowed) gives RF >= 2000000", results.get(2).reason());
        assertTrue(results.stream().allMatch(s -> s.steps().stream().allMatch(x -> x.verification().ok())));
    }

    @Test
    void symbolicLengthsHoldInsideTheirSideCondition() {
        var d = Fixtures.firstDerivation("stack S { conv(k=3) conv(k=5) }\nderive output_size(S, n=n)\n");
        assertEquals("n - 6", Infix.print(d.result()));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().status() == Verification.Status.VERIFIED), d.steps().toString());
        var condition = d.steps().get(1).condition();
        assertEquals("the layer has output: n >= 7", condition.words() + ": " + Infix.print(condition.left()) + " " + condition.relation().symbol + " " + Infix.print(condition.right()));
    }

    @Test
    void symbolicKernelsAndDilationsHoldInsideTheirSideCondition() {
        var d = Fixtures.firstDerivation("stack S { conv(k=k, d=d) conv(k=3, s=2) }\nderive output_size(S, n=n)\n");
        assertTrue(d.steps().stream().allMatch(s -> s.verification().status() == Verification.Status.VERIFIED), d.steps().toString());
    }

    @Test
    void samePaddingAcceptsAStrideWrittenAsAnExpression() {
        assertEquals("3", Infix.print(Fixtures.firstDerivation("stack S { conv(k=3, s=2-1, p=same) }\nderive receptive_field(S)\n").result()));
    }

    @Test
    void unnamedNestedBlocksGetDistinctNames() {
        var d = Fixtures.firstDerivation("stack S { parallel { path { parallel { path { conv(k=3) } path { } } } path { } } }\nderive receptive_field(S)\n");
        assertEquals(List.of("L1", "block1b", "block1"), d.layers().stream().map(l -> l.name()).toList());
    }

    @Test
    void aByteOrderMarkIsNotText() {
        assertEquals("3", Infix.print(Fixtures.firstDerivation("\uFEFFstack S { conv(k=3) }\nderive receptive_field(S)\n").result()));
    }
}
