package stepwise.print;

import java.util.Map;
import java.util.function.Function;
import stepwise.ast.Expr;
import stepwise.result.Condition;
import stepwise.result.Step;

/**
 * A step's justification is words with inline TeX math between dollar signs
 * ("each further tap reaches $d$ positions"). LaTeX and Markdown keep the math; plain text
 * drops the dollars and spells the few commands used as Unicode.
 */
final class Justification {
    private Justification() {}

    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("\\prod", "∏"), Map.entry("\\sum", "∑"), Map.entry("\\geq", "≥"), Map.entry("\\leq", "≤"),
            Map.entry("\\cdot", "·"), Map.entry("\\mu", "μ"), Map.entry("\\sigma", "σ"), Map.entry("\\log", "log"),
            Map.entry("\\frac{1}{2}", "1/2"), Map.entry("e^{x}", "e^x"), Map.entry("^2", "²"),
            Map.entry("\\mathbb{E}", "E"), Map.entry("\\mathrm{Var}", "Var"), Map.entry(" \\,\\|\\, ", " ‖ "));

    /** A step's justification in words with TeX math, its condition (if any) after it. */
    static String tex(Step s) { return withCondition(s.justification(), s.condition(), LatexExpr::of, "\\geq", "\\leq"); }

    /** A step's justification for a terminal, its condition (if any) after it. */
    static String text(Step s) {
        return withCondition(s.justification() == null ? null : toText(s.justification()), s.condition(), UnicodeExpr::of, "≥", "≤").replace("$", "");
    }

    /** "the layer has output, $N \geq 9$": where a step holds, as the printer writes relations. */
    static String condition(Condition c, Function<Expr, String> render, String ge, String le) {
        String rel = switch (c.relation()) {
            case GE -> ge;
            case LE -> le;
            default -> c.relation().symbol;
        };
        return "it holds where " + c.words() + ", $" + render.apply(c.left()) + " " + rel + " " + render.apply(c.right()) + "$";
    }

    private static String withCondition(String words, Condition c, Function<Expr, String> render, String ge, String le) {
        if (c == null) return words;
        String where = condition(c, render, ge, le);
        return words == null || words.isEmpty() ? where : words + "; " + where;
    }

    static String toText(String s) {
        String out = s.replace("$", "").replaceAll("\\\\mathrm\\{([^}]*)\\}", "$1").replaceAll("_\\{([A-Za-z0-9,]+)\\}", "_$1");
        // Longer commands first, so that \frac{1}{2} is not cut by a shorter one.
        var keys = COMMANDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String k : keys) out = out.replace(k, COMMANDS.get(k));
        return out.replace("  ", " ");
    }

    /** Relations typed in ASCII inside words are set as math: {@code >=} is {@code $\geq$}. */
    private static String relations(String escaped) {
        return escaped.replace("\\textgreater{}=", "$\\geq$").replace("\\textless{}=", "$\\leq$").replace("!=", "$\\neq$")
                .replace("||", "$\\|$").replace("\\textgreater{}", "$>$").replace("\\textless{}", "$<$");
    }

    /** Escapes the words and keeps the math, for use inside {@code \text{...}} or a paragraph. */
    static String toLatex(String s) {
        String[] parts = s.split("\\$", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) sb.append(relations(LatexText.escape(parts[i])));
            else sb.append('$').append(parts[i]).append('$');
        }
        return sb.toString();
    }
}
