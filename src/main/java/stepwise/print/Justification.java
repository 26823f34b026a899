package stepwise.print;

import java.util.Map;

/**
 * A step's justification is words with inline TeX math between dollar signs
 * ("each further tap reaches $d$ positions"). LaTeX and Markdown keep the math; plain text
 * drops the dollars and spells the few commands used as Unicode.
 */
final class Justification {
    private Justification() {}

    private static final Map<String, String> COMMANDS = Map.of(
            "\\prod", "∏", "\\sum", "∑", "\\geq", "≥", "\\leq", "≤", "\\cdot", "·", "\\mu", "μ", "\\sigma", "σ");

    static String toText(String s) {
        String out = s.replace("$", "");
        for (var e : COMMANDS.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }

    /** Escapes the words and keeps the math, for use inside {@code \text{...}} or a paragraph. */
    static String toLatex(String s) {
        String[] parts = s.split("\\$", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) sb.append(LatexText.escape(parts[i]));
            else sb.append('$').append(parts[i]).append('$');
        }
        return sb.toString();
    }
}
