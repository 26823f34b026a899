package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;
import stepwise.result.Step;

/** The conv- family: scatter, sum and crop for transposed convolutions; windows for convolutions. */
class ConvRulesTest {
    private static final String SEED = "let K = [[1,2,3],[2,3,4],[3,4,5]]\nlet X = [[1,2],[0,1]]\n";

    private static List<String> rules(Result.Derivation d) { return d.steps().stream().map(Step::rule).toList(); }

    @Test
    void theSeedsTransposedConvolutionScattersFourCopies() {
        var d = Fixtures.firstDerivation(SEED + "derive conv_transpose(X, K, s=1, p=0)");
        assertEquals("[[1, 4, 7, 6], [2, 8, 12, 11], [3, 12, 16, 14], [0, 3, 4, 5]]", Infix.print(d.result()));
        assertEquals(List.of("conv-transpose-size", "conv-transpose-size", "conv-scatter", "conv-scatter", "conv-scatter", "conv-scatter",
                "conv-scatter-sum"), rules(d));
        assertEquals("[[0, 2, 4, 6], [0, 4, 6, 8], [0, 6, 8, 10], [0, 0, 0, 0]]", Infix.print(d.steps().get(3).after()));
        var sum = assertInstanceOf(Expr.Add.class, d.steps().get(6).before());
        assertEquals(4, sum.terms().size());
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void paddingCropsAndOutputPaddingExtends() {
        var d = Fixtures.firstDerivation(SEED + "derive conv_transpose(X, K, s=2, p=1, op=1)");
        assertEquals("conv-crop", rules(d).get(rules(d).size() - 1));
        assertEquals("[[3, 8, 6, 8], [4, 12, 10, 13], [0, 2, 3, 4], [0, 3, 4, 5]]", Infix.print(d.result()));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void symbolicEntriesAreExpandedAndCollected() {
        var d = Fixtures.firstDerivation("let A = [[a, b], [c, d]]\nlet W = [[1, 2], [3, 4]]\nderive conv(A, W)");
        assertEquals("[[a + 2*b + 3*c + 4*d]]", Infix.print(d.result()));
        Step entry = d.steps().stream().filter(s -> s.rule().equals("conv-entry")).findFirst().orElseThrow();
        assertEquals("a*1 + b*2 + c*3 + d*4", Infix.print(entry.before()));
        assertEquals(4, d.steps().get(d.steps().size() - 1).verification().points().size());
    }

    @Test
    void convolutionEntriesAreSumsOfProducts() {
        var d = Fixtures.firstDerivation("let X = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\nlet K = [[1, 0], [0, -1]]\nderive conv(X, K)");
        assertEquals("[[-4, -4], [-4, -4]]", Infix.print(d.result()));
        assertEquals("adjoint", d.steps().get(d.steps().size() - 1).verification().method());
    }

    @Test
    void rectangularInputsAndPerAxisStrides() {
        var d = Fixtures.firstDerivation("let Y = [[1, 2], [3, 4]]\nlet W = [[1, 2], [3, 4]]\nderive conv_transpose(Y, W, s=(2, 1))");
        assertEquals("[[1, 4, 4], [3, 10, 8], [3, 10, 8], [9, 24, 16]]", Infix.print(d.result()));
    }

    @Test
    void largeOutputsAreSummarisedAndSaySo() {
        var rows = new StringBuilder();
        for (int i = 0; i < 6; i++) rows.append(i == 0 ? "" : ", ").append("[1, 2, 3, 4, 5, 6]");
        var d = Fixtures.firstDerivation("let X = [" + rows + "]\nlet K = [[1, 1], [1, 1]]\nderive conv_transpose(X, K, s=2)");
        assertTrue(d.steps().stream().noneMatch(s -> s.rule().equals("conv-scatter")));
        assertEquals(List.of("the 36 scattered copies of $K$ (on a 12 x 12 canvas) are not printed one by one"), d.notes());
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void badShapesAreClearErrors() {
        var tooBig = assertThrows(BadInput.class, () -> Fixtures.derive("let X = [[1, 2], [3, 4]]\nlet K = [[1, 2, 3], [1, 2, 3], [1, 2, 3]]\nderive conv(X, K)"));
        assertEquals("the kernel reaches 3 rows, more than the 2 rows of the padded input", tooBig.getMessage());
        var cropped = assertThrows(BadInput.class, () -> Fixtures.derive(SEED + "derive conv_transpose(X, K, p=3)"));
        assertEquals("the output would have -2 rows: padding 3 crops more than the 4 rows the transposed convolution makes", cropped.getMessage());
    }
}
