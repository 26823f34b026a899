package stepwise.print;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import stepwise.tex.Pdflatex;

/**
 * Every example of derivations/ as a standalone document, in both styles, compiled by pdflatex:
 * any LaTeX error or any overfull box fails. CI installs TeX Live when it is missing (.ci/run),
 * so there this never skips.
 */
class PdflatexTest {
    @TempDir static Path dir;

    @BeforeAll static void needsPdflatex() {
        assumeTrue(Pdflatex.available(), "pdflatex is not installed; .ci/run installs TeX Live");
    }

    static Stream<Arguments> documents() throws Exception {
        return GoldenTest.derivations().flatMap(d -> Stream.of(Arguments.of(d, Style.NOTES), Arguments.of(d, Style.FULL)));
    }

    /** The test can fail: a line wider than the page is reported as an overfull box. */
    @org.junit.jupiter.api.Test
    void anOverfullBoxIsReported() throws Exception {
        String wide = "x".repeat(400);
        var out = Pdflatex.compile("\\documentclass{article}\\begin{document}\\[" + wide + "\\]\\end{document}\n", dir, "wide");
        org.junit.jupiter.api.Assertions.assertEquals(1, out.overfull(), String.join("\n", out.problems()));
        org.junit.jupiter.api.Assertions.assertFalse(out.clean());
    }

    /**
     * The seed's univariate KL, with the question that introduces it, on one page: a derivation shorter
     * than a page does not start at the foot of one and run over.
     */
    @ParameterizedTest(name = "the univariate KL of {0} on one page")
    @org.junit.jupiter.params.provider.CsvSource({
        "assignment2, Question 3. The KL divergence term, All 14 steps verified",
        "lecture-vae-kl, KL divergence KL(q ∥ p), All 14 steps verified",
    })
    void aDerivationShorterThanAPageIsOnOnePage(String name, String first, String last) throws Exception {
        String tex = new LatexPrinter(true, Style.NOTES).print(GoldenTest.derive(Path.of("derivations", name + ".deriv")));
        var out = Pdflatex.compile(tex, dir, name + "-pages");
        assertTrue(out.clean(), String.join("\n", out.problems()));
        var pages = Pdflatex.pages(out.pdf());
        int start = -1, end = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (start < 0 && pages.get(i).contains(first)) start = i;
            if (start >= 0 && end < 0 && pages.get(i).contains(last)) end = i;
        }
        assertTrue(start >= 0 && end >= 0, "'" + first + "' or '" + last + "' not found in\n" + String.join("\n----\n", pages));
        org.junit.jupiter.api.Assertions.assertEquals(start, end, "starts on page " + (start + 1) + ", ends on page " + (end + 1));
    }

    @ParameterizedTest(name = "{0} in the {1} style")
    @MethodSource("documents")
    void compilesWithoutErrorsOrOverfullBoxes(Path deriv, Style style) throws Exception {
        String tex = new LatexPrinter(true, style).print(GoldenTest.derive(deriv));
        var out = Pdflatex.compile(tex, dir, GoldenTest.name(deriv) + "-" + style.name().toLowerCase());
        assertTrue(out.clean(), "pdflatex exit " + out.exitCode() + "; " + out.overfull() + " overfull boxes:\n" + String.join("\n", out.problems()));
    }
}
