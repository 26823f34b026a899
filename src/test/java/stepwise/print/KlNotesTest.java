package stepwise.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.Report;
import stepwise.Stepwise;

/**
 * The KL divergence in the notes style: each term one chain ({@code E[c x] = c E[x] = c v = ...},
 * every continuation a row of its own starting {@code =}), the densities of q and p spelled alike;
 * the full record, text and JSON keep every step with its own left side.
 */
class KlNotesTest {
    private static final String UNIVARIATE = """
            dist q = Normal(mu, sigma^2)
            dist p = Normal(0, 1)
            derive KL(q || p)
            """;

    /** Two uniforms with symbolic ends: the derivation holds where their supports nest. */
    private static final String UNIFORMS = """
            dist u1 = Uniform(a1, b1)
            dist u2 = Uniform(a2, b2)
            derive KL(u1 || u2)
            """;

    private static Report derive(String text) { return Stepwise.derive("kl.deriv", text); }

    /** The rows of the display that follows a block heading, in a standalone document. */
    private static List<String> rowsAfter(String tex, String heading) {
        int at = tex.indexOf("\\textit{" + heading + "}");
        assertTrue(at >= 0, "no block headed " + heading + " in\n" + tex);
        int begin = tex.indexOf("\\begin{align*}\n", at) + "\\begin{align*}\n".length();
        int end = tex.indexOf("\n\\end{align*}", begin);
        return Arrays.asList(tex.substring(begin, end).split(" \\\\\\\\\n"));
    }

    @Test
    void eachTermIsOneChainInTheNotesStyle() {
        String tex = new LatexPrinter(true, Style.NOTES).print(derive(UNIVARIATE));
        var second = rowsAfter(tex, "second term");
        assertEquals(3, second.size(), String.join("\n", second));
        assertTrue(second.get(0).startsWith("\\mathbb{E}_{q}\\left[-\\frac{1}{2}"), second.get(0));
        assertTrue(second.get(0).contains("&= -\\frac{1}{2 \\sigma^{2}} \\mathbb{E}_{q}\\left[(z - \\mu)^{2}\\right]"), second.get(0));
        assertTrue(second.get(1).startsWith("&= -\\frac{1}{2 \\sigma^{2}} \\sigma^{2} \\tag*{\\small the definition of the variance}"), second.get(1));
        assertTrue(second.get(2).startsWith("&= -\\frac{1}{2} \\tag*{\\small simplified}"), second.get(2));

        var first = rowsAfter(tex, "first term (free of $z$)");
        assertEquals(3, first.size(), String.join("\n", first));
        assertTrue(first.get(1).startsWith("&= -\\log"), first.get(1));
        assertTrue(first.get(2).startsWith("&= -\\frac{1}{2} \\log"), first.get(2));

        var third = rowsAfter(tex, "third term");
        assertEquals(2, third.size(), String.join("\n", third));
        assertTrue(third.get(1).startsWith("&= \\frac{1}{2} (\\sigma^{2} + \\mu^{2})"), third.get(1));
    }

    @Test
    void theFullStyleRestatesEachLeftSide() {
        String tex = new LatexPrinter(true, Style.FULL).print(derive(UNIVARIATE));
        var second = rowsAfter(tex, "second term");
        assertEquals(3, second.size(), String.join("\n", second));
        assertTrue(second.get(1).startsWith("-\\frac{1}{2 \\sigma^{2}} \\mathbb{E}_{q}\\left[(z - \\mu)^{2}\\right] &="), second.get(1));
        assertTrue(second.get(2).startsWith("-\\frac{1}{2 \\sigma^{2}} \\sigma^{2} &="), second.get(2));
    }

    @Test
    void markdownNotesChainEachTermToo() {
        String md = new MarkdownPrinter(Style.NOTES).print(derive(UNIVARIATE));
        int at = md.indexOf("*second term*");
        assertTrue(at >= 0, md);
        String block = md.substring(md.indexOf("\\begin{aligned}\n", at), md.indexOf("\\end{aligned}", at));
        var rows = block.lines().skip(1).toList();
        assertEquals(3, rows.size(), block);
        assertTrue(rows.get(1).startsWith("&= -\\frac{1}{2 \\sigma^{2}} \\sigma^{2} && \\text{the definition of the variance}"), rows.get(1));
        assertTrue(rows.get(2).startsWith("&= -\\frac{1}{2} && \\text{simplified}"), rows.get(2));
    }

    @Test
    void textAndJsonKeepEveryStep() {
        var report = derive(UNIVARIATE);
        String text = new TextPrinter().print(report);
        assertTrue(text.contains("    -1/(2 σ²) E_q[(z - μ)²] = -1/(2 σ²) σ²\n"), text);
        assertTrue(text.contains("    -1/(2 σ²) σ² = -1/2\n"), text);
        String json = new JsonPrinter().print(report);
        assertTrue(json.contains("\"text\" : \"-1/(2*sigma^2)*sigma^2 = -1/2\""), json);
    }

    @Test
    void bothNormalDensitiesAreSpelledAlike() {
        for (Style style : Style.values()) {
            String tex = new LatexPrinter(false, style).print(derive(UNIVARIATE));
            assertTrue(tex.contains("\\exp\\left(-\\frac{1}{2} \\left(\\frac{z - \\mu}{\\sigma}\\right)^{2}\\right)"), tex);
            assertTrue(tex.contains("\\frac{1}{\\sqrt{2 \\pi}} \\exp\\left(-\\frac{1}{2} z^{2}\\right)"), tex);
            // The only power of e left is the rule log e^x = x, in words at the margin.
            assertFalse(tex.contains("e^{-"), "one spelling in the whole derivation:\n" + tex);
        }
        String md = new MarkdownPrinter(Style.NOTES).print(derive(UNIVARIATE));
        assertFalse(md.contains("e^{-"), md);
        String json = new JsonPrinter().print(derive(UNIVARIATE));
        assertFalse(json.contains("e^{-"), json);
    }

    @Test
    void shortExponentsStayAsPowersOfE() {
        String tex = new LatexPrinter(false, Style.NOTES).print(derive("""
                dist e1(x) = Exponential(lambda1)
                dist e2(x) = Exponential(lambda2)
                derive KL(e1 || e2)
                """));
        assertTrue(tex.contains("\\lambda_{1} e^{-\\lambda_{1} x}"), tex);
        assertFalse(tex.contains("\\exp"), tex);
    }

    @Test
    void aChainThatReachedItsValueIsNotRestated() {
        var report = derive(UNIFORMS);
        String kl = "\\mathrm{KL}(u_{1} \\,\\|\\, u_{2}) &=";
        String notes = new LatexPrinter(true, Style.NOTES).print(report);
        assertEquals(1, notes.split(java.util.regex.Pattern.quote(kl), -1).length - 1, notes);
        assertTrue(notes.contains("&= -\\log(b_{1} - a_{1}) + \\log(b_{2} - a_{2}) \\tag*{\\small the logs expanded and like terms collected}"), notes);
        assertFalse(notes.contains("the values of the terms, added"), notes);
        assertTrue(notes.contains("All 5 steps verified"), "the step left out is still counted:\n" + notes);
        String full = new LatexPrinter(true, Style.FULL).print(report);
        assertEquals(2, full.split(java.util.regex.Pattern.quote(kl), -1).length - 1, full);
    }

    @Test
    void aNumericMeanIsSquaredOut() {
        String text = new TextPrinter().print(derive("""
                dist a = Normal(1, 4)
                dist b = Normal(0, 1)
                derive KL(a || b)
                """));
        assertTrue(text.contains("    1/2 E_a[z²] = 1/2 (4 + 1)\n"), text);
        assertFalse(text.contains("1²"), text);
    }

    @Test
    void theUniformSideConditionIsSetInMath() {
        var report = derive(UNIFORMS + """
                dist w1 = Uniform(0, 2)
                dist w2 = Uniform(1, 3)
                derive KL(w1 || w2)
                """);
        String tex = new LatexPrinter(true, Style.NOTES).print(report);
        assertTrue(tex.contains("\\textit{Note: derived for nested supports, $a_{2} \\leq a_{1}$ and $b_{1} \\leq b_{2}$; otherwise "
                + "$\\mathrm{KL}(u_{1} \\,\\|\\, u_{2})$ is infinite.}"), tex);
        assertTrue(tex.contains("\\tag*{\\small $w_{1}$ gives probability to $[0, 1)$, where $w_{2}$ has none}"), tex);
        String text = new TextPrinter().print(report);
        assertTrue(text.contains("  note: derived for nested supports, a_2 ≤ a_1 and b_1 ≤ b_2; otherwise KL(u_1 ‖ u_2) is infinite\n"), text);
    }

    @Test
    void bracketsAroundAnExpectationCutOverRowsAreAsTallAsWhatTheyHold() {
        String tex = new LatexPrinter(true, Style.NOTES).print(derive(UNIVARIATE));
        // log(exp(-1/2 ((z - mu)/sigma)^2)) nests three \\left( deep: \\Bigl[ would be shorter than they are.
        assertTrue(tex.contains("&= \\mathbb{E}_{q}\\Biggl[\\left(\\log"), tex);
        assertTrue(tex.contains("\\right)\\right)\\Biggr] \\tag*{\\small the log of a product is the sum of the logs}"), tex);
        assertEquals(3, Pieces.nesting("\\log\\left(\\exp\\left(-\\frac{1}{2} \\left(\\frac{z}{\\sigma}\\right)^{2}\\right)\\right)"));
        assertEquals(1, Pieces.nesting("\\left(a\\right) + \\left(b\\right)"));
    }
}
