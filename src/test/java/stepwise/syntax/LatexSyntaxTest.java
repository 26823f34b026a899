package stepwise.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import stepwise.ast.Infix;
import stepwise.ast.Statement.ChainLink;
import stepwise.diag.BadInput;

/** LaTeX display math read into chains: the seed's own lines, as the student typeset them. */
class LatexSyntaxTest {
    private static final Set<String> DISTS = Set.of("q", "p");

    private static List<String> chain(String latex) {
        var chains = LatexSyntax.chains(latex, 1, 1, DISTS);
        assertEquals(1, chains.size(), chains::toString);
        return chains.get(0).stream().map(l -> (l.relation() == null ? "" : l.relation().symbol + " ") + Infix.print(l.expr())).toList();
    }

    @Test
    void theDefinitionWithDensities() {
        assertEquals(List.of("KL(q || p)", "= E[q](log(q(z)) - log(p(z)))"), chain("KL(q, p) = E_q[\\log q(z) - \\log p(z)]"));
    }

    @Test
    void fractionsRootsAndTheExponential() {
        assertEquals(List.of("1/(sigma*sqrt(2*pi))*exp(-1/2*((z - mu)/sigma)^2)", "= x"),
                chain("\\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{1}{2}\\left(\\frac{z-\\mu}{\\sigma}\\right)^2} = x"));
    }

    @Test
    void alignedRowsContinueTheChain() {
        String latex = """
                E_q [z^2] &= \\sigma^2 + E_q [z]^2 \\\\
                &= \\sigma^2 + \\mu^2 \\\\
                \\frac{1}{2} E_q [z^2] &= \\mathbb{E}_{q}\\left[\\frac{1}{2} z^2 \\right]""";
        var chains = LatexSyntax.chains(latex, 10, 1, DISTS);
        assertEquals(2, chains.size());
        assertEquals(List.of(10, 10, 11), chains.get(0).stream().map(l -> l.span().line()).toList());
        assertEquals("1/2*E[q](z^2)", Infix.print(chains.get(1).get(0).expr()));
        assertEquals("E[q](1/2*z^2)", Infix.print(chains.get(1).get(1).expr()));
    }

    @Test
    void juxtapositionCdotAndTimesMultiply() {
        assertEquals(List.of("-1/(2*sigma^2)*sigma^2", "= -1/2"), chain("-\\frac{1}{2\\sigma^2} \\sigma^2 = -\\frac{1}{2}"));
        assertEquals(List.of("9 + (5 - 1)*(2*1)*2", "= 25"), chain("9 + (5 - 1)(2 \\times 1)(2) = 25"));
        assertEquals(List.of("2*3", "<= 6"), chain("2 \\cdot 3 \\leq 6"));
    }

    @Test
    void sumsSubscriptsAndLogs() {
        assertEquals(List.of("sum(j = 1..J, mu[j]^2)", "= s"), chain("\\sum_{j=1}^{J} \\mu_j^2 = s"));
        assertEquals(List.of("-log(sigma)", "= -1/2*log(sigma^2)"), chain("-\\log(\\sigma) = -\\frac{1}{2} \\log(\\sigma^2)"));
    }

    @Test
    void unknownCommandsAreLocated() {
        var e = assertThrows(BadInput.class, () -> LatexSyntax.chains("x = \\foo", 7, 3, DISTS));
        assertEquals("unknown LaTeX command '\\foo' in a checked line", e.getMessage());
        assertEquals(7, e.diagnostic().span().line());
        assertEquals(7, e.diagnostic().span().column());
    }
}
