package stepwise.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.ast.Infix;
import stepwise.result.Result;
import stepwise.result.Step;

/** Steps say what the file says: its own names, its own parameters in words, one symbol per axis. */
class LectureWordingTest {
    private static final String MATRICES = "let Img = [[1, 2], [3, 4]]\nlet Lap = [[0, 1], [1, 0]]\n";

    private static String justifications(Result.Derivation d) {
        return d.steps().stream().map(Step::justification).collect(Collectors.joining("\n"));
    }

    @Test
    void aTransposedConvolutionTooLargeToShowNamesTheFilesKernelInItsNote() {
        var rows = new StringBuilder();
        for (int i = 0; i < 6; i++) rows.append(i == 0 ? "" : ", ").append("[1, 2, 3, 4, 5, 6]");
        var d = Fixtures.firstDerivation("let Img = [" + rows + "]\nlet Lap = [[0, 1], [1, 0]]\nderive conv_transpose(Img, Lap, s=2)\n");
        assertEquals(java.util.List.of("the 36 scattered copies of $\\mathrm{Lap}$ (on a 12 x 12 canvas) are not printed one by one"), d.notes());
    }

    @Test
    void aTransposedConvolutionNamesTheFilesKernelAndInput() {
        var d = Fixtures.firstDerivation(MATRICES + "derive conv_transpose(Img, Lap, s=2)\n");
        String why = justifications(d);
        assertTrue(why.contains("$\\mathrm{Img}_{1,1} \\mathrm{Lap}$ with its corner at row 1, column 1"), why);
        assertTrue(why.contains("one copy of $\\mathrm{Lap}$ per entry of $\\mathrm{Img}$, added"), why);
        assertFalse(why.contains("K") || why.contains("x_"), why);
        assertEquals("1*Lap", Infix.print(d.steps().get(2).before()));
    }

    @Test
    void paddingIsANewMatrixNeverEqualToTheInput() {
        var d = Fixtures.firstDerivation(MATRICES + "derive conv(Img, Lap, p=1)\n");
        Step pad = d.steps().stream().filter(s -> s.section().equals("padding")).findFirst().orElseThrow();
        assertEquals("pad(Img)", Infix.print(pad.subject()));
        assertEquals(1, pad.chain().size());
        assertTrue(justifications(d).contains("of $\\mathrm{pad}(\\mathrm{Img})$, times $\\mathrm{Lap}$"));
    }

    @Test
    void solveSpeaksOfTheParameterInWordsWithNoAsciiFormula() {
        var report = Fixtures.derive("stack Q1 { H1 = conv(k=5, s=2) H2 = conv(k=3) H3 = conv(k=5, d=2) }\nsolve receptive_field(Q1) >= 100 for H3.d\n");
        var s = Fixtures.results(report, Result.Solution.class).get(0);
        assertEquals("RF = 17, 25, 33 when the dilation of H3 is 1, 2, 3", s.steps().get(0).justification());
        assertEquals("the smallest whole dilation of H3 from 1 with RF >= 100", s.steps().get(1).justification());
        for (Step step : s.steps()) assertFalse(step.justification().matches(".*[*_].*"), step.justification());
    }

    @Test
    void differentAxesGetTheirOwnSymbols() {
        var d = Fixtures.firstDerivation("stack V : 2d { c1 = conv(k=(3, 5), s=(1, 2)) c2 = conv(k=3, s=2) }\nderive receptive_field(V)\n");
        var text = d.steps().stream().map(s -> s.section() + ": " + Infix.print(s.subject()) + " = " + Infix.print(s.after())).toList();
        assertTrue(text.contains("layer c1, height: RF_c1^(h) = 3"), text.toString());
        assertTrue(text.contains("layer c1, width: RF_c1^(w) = 5"), text.toString());
        assertTrue(text.contains("layer c2, width: RF_c2^(w) = 9"), text.toString());
        assertTrue(stepwise.print.LatexExpr.of(d.steps().get(0).subject()).equals("\\mathrm{RF}_{c_{1}}^{(h)}"));
    }

    @Test
    void axesThatAgreeKeepOneSymbol() {
        var d = Fixtures.firstDerivation("stack V : 2d { c1 = conv(k=3, s=2) c2 = conv(k=3) }\nderive receptive_field(V)\n");
        assertTrue(d.steps().stream().noneMatch(s -> Infix.print(s.subject()).contains("^(")));
    }
}
