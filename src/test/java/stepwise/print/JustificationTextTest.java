package stepwise.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The plain-text form of justifications agrees with the regular expressions it was first written with. */
class JustificationTextTest {
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("\\prod", "∏"), Map.entry("\\sum", "∑"), Map.entry("\\geq", "≥"), Map.entry("\\leq", "≤"),
            Map.entry("\\cdot", "·"), Map.entry("\\mu", "μ"), Map.entry("\\sigma", "σ"), Map.entry("\\log", "log"),
            Map.entry("\\frac{1}{2}", "1/2"), Map.entry("e^{x}", "e^x"), Map.entry("^2", "²"),
            Map.entry("\\mathbb{E}", "E"), Map.entry("\\mathrm{Var}", "Var"));

    /** The first version, kept as the reference. */
    private static String byRegularExpressions(String s) {
        String out = s.replace("$", "").replaceAll("\\\\mathrm\\{([^}]*)\\}", "$1").replaceAll("_\\{([A-Za-z0-9,]+)\\}", "_$1");
        var keys = COMMANDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String k : keys) out = out.replace(k, COMMANDS.get(k));
        return out.replace("  ", " ");
    }

    @Property(tries = 3000, seed = "20260125")
    void agreesWithTheRegularExpressions(@ForAll("justifications") String text) {
        assertEquals(byRegularExpressions(text), Justification.toText(text), text);
    }

    @Provide
    Arbitrary<String> justifications() {
        return Arbitraries.of("\\mathrm{", "\\mathrm{Var}", "_{", "_{l-1}", "_{H1}", "_{i,j}", "}", "{", "_", "$", " ", "  ", "\\frac{1}{2}",
                        "\\sigma", "\\sum", "e^{x}", "^2", "^", "\\", "layer L5", "x", "1", ",", "-", "\n")
                .list().ofMinSize(0).ofMaxSize(10).map(parts -> String.join("", parts));
    }

    @Test
    void justificationsAsTheRulesWriteThem() {
        for (String text : new String[] {
                "each further tap reaches $d$ positions further, $J_{l-1}$ inputs each",
                "layer L17", "block B, height", "$\\mathbb{E}[z^2] = \\mathrm{Var}[z] + \\mathbb{E}[z]^2$",
                "$\\log \\sigma = \\frac{1}{2} \\log \\sigma^2$", "the sum $\\sum_{i=1}^{n} x_{i}$"}) {
            assertEquals(byRegularExpressions(text), Justification.toText(text), text);
        }
    }
}
