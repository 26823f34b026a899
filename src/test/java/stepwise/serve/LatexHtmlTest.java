package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The LaTeX printer's notes as HTML: structure to elements, math kept as TeX for KaTeX, text escaped. */
class LatexHtmlTest {
    @Test
    void anAlignBlockIsOneDisplayWithItsSourceEscaped() {
        String latex = "\\paragraph{layer H1}\n\\begin{align*}\na &< b \\tag*{$\\checkmark$\\ \\text{\\small why (\\texttt{rf-base})}} \\\\\nc &= d\n\\end{align*}\n";
        assertEquals("<h4>layer H1</h4>\n<div class=\"tex display\">\\begin{align*}\na &amp;&lt; b \\tag*{$\\checkmark$\\ \\text{\\small why (\\texttt{rf-base})}} \\\\\nc &amp;= d\n\\end{align*}</div>\n",
                LatexHtml.convert(latex));
    }

    @Test
    void proseKeepsItsInlineMathAndLosesItsEscapes() {
        assertEquals("<p>The <em>stride</em> of <span class=\"tex\">H_1</span> is 50% &amp; <code>H1.s</code> &lt; 3, see \\ here…</p>\n",
                LatexHtml.convert("The \\emph{stride} of $H_1$ is 50\\% \\& \\texttt{H1.s} \\textless{} 3, see \\textbackslash{} here\\ldots"));
    }

    @Test
    void commentsAreDroppedAndNotesKept() {
        assertEquals("<p class=\"note\">Note: the paths disagree</p>\n", LatexHtml.convert("% derive receptive_field(S)  (line 3)\n% note: the paths disagree\n"));
    }

    @Test
    void aTabularIsATableWithAHeaderRow() {
        String latex = "\\begin{center}\n\\begin{tabular}{lrr}\nlayer & $\\mathrm{RF}$ & $J$ \\\\ \\hline\nH1 & $5$ & $2$ \\\\\n"
                + "\\multicolumn{3}{c}{\\ldots\\ 8 more layers \\ldots} \\\\\n\\end{tabular}\n\\end{center}\n";
        assertEquals("<table class=\"layers\">\n<tr><th class=\"l\">layer</th><th class=\"r\"><span class=\"tex\">\\mathrm{RF}</span></th><th class=\"r\"><span class=\"tex\">J</span></th></tr>\n"
                + "<tr><td class=\"l\">H1</td><td class=\"r\"><span class=\"tex\">5</span></td><td class=\"r\"><span class=\"tex\">2</span></td></tr>\n"
                + "<tr><td colspan=\"3\" class=\"c\">… 8 more layers …</td></tr>\n</table>\n", LatexHtml.convert(latex));
    }

    @Test
    void textThatLooksLikeMarkupIsEscaped() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"tex\">x &lt; y</span></p>\n",
                LatexHtml.convert("<script>alert(1)</script> $x < y$"));
    }
}
