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

    @ParameterizedTest(name = "{0} in the {1} style")
    @MethodSource("documents")
    void compilesWithoutErrorsOrOverfullBoxes(Path deriv, Style style) throws Exception {
        String tex = new LatexPrinter(true, style).print(GoldenTest.derive(deriv));
        var out = Pdflatex.compile(tex, dir, GoldenTest.name(deriv) + "-" + style.name().toLowerCase());
        assertTrue(out.clean(), "pdflatex exit " + out.exitCode() + "; " + out.overfull() + " overfull boxes:\n" + String.join("\n", out.problems()));
    }
}
