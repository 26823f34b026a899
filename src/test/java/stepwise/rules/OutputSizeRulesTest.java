package stepwise.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.diag.BadInput;
import stepwise.result.Result;

/** The size- family: PyTorch's output-length formulas, each step checked by enumeration. */
class OutputSizeRulesTest {

    private static Result.Derivation sizes(String layers, String n) {
        return Fixtures.firstDerivation("stack S {\n" + layers + "\n}\nderive output_size(S, n=" + n + ")");
    }

    private static List<String> sizeColumn(Result.Derivation d) {
        return d.layers().stream().map(r -> Infix.print(r.size().get(0))).toList();
    }

    private static List<String> rules(Result.Derivation d) {
        return d.steps().stream().map(s -> s.rule()).toList();
    }

    @Test
    void convolutionFloorsLikePyTorch() {
        var d = sizes("conv(k=5, s=2)\nconv(k=3, p=1)\nconv(k=3, s=2, d=2)", "64");
        assertEquals(List.of("30", "30", "13"), sizeColumn(d));
        assertEquals(List.of("size-conv", "size-conv", "size-conv"), rules(d));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void samePaddingKeepsTheLength() {
        var d = sizes("conv(k=4, p=same)\nconv(k=3, d=3, p=same)", "17");
        assertEquals(List.of("17", "17"), sizeColumn(d));
        assertEquals(List.of("size-same", "size-same"), rules(d));
    }

    @Test
    void averagePoolingHasNoDilation() {
        var d = sizes("avgpool(k=3, s=2, p=1)", "10");
        assertEquals(List.of("5"), sizeColumn(d));
        assertEquals(List.of("size-avgpool"), rules(d));
    }

    @Test
    void transposedConvolutionAndUpsamplingGrow() {
        var d = sizes("tconv(k=3, s=2, p=1, op=1)\nupsample(f=3)", "8");
        assertEquals(List.of("16", "48"), sizeColumn(d));
        assertEquals(List.of("size-tconv", "size-upsample"), rules(d));
        assertTrue(d.steps().stream().allMatch(s -> s.verification().ok()));
    }

    @Test
    void parallelPathsMustAgree() {
        var d = sizes("b = parallel { path { conv(k=3, p=1) } path { } }", "9");
        assertEquals("size-parallel", rules(d).get(rules(d).size() - 1));
        assertEquals("9", Infix.print(d.result()));
        var e = assertThrows(BadInput.class, () -> sizes("b = parallel { path { conv(k=3) } path { } }", "9"));
        assertEquals("the paths of 'b' give different lengths (7, 9), so they cannot be combined", e.getMessage());
    }

    @Test
    void aLayerWithNoOutputIsAnError() {
        var e = assertThrows(BadInput.class, () -> sizes("A = conv(k=3)\nB = conv(k=9)", "5"));
        assertEquals("'B' leaves no output: floor((3 + 2*0 - 1*(9 - 1) - 1)/1) + 1 = -5 for an input of length 3", e.getMessage());
    }

    @Test
    void aSymbolicLengthIsCheckedAtRandomLengths() {
        var d = sizes("conv(k=3, s=1)", "n");
        assertEquals("n - 2", Infix.print(d.result()));
        assertTrue(d.steps().get(0).verification().ok());
    }
}
