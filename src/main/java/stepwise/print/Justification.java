package stepwise.print;

import java.util.Map;
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
    static String tex(Step s) { return withWhere(s.justification(), s.condition() == null ? null : whereTex(s.condition())); }

    /** A step's justification for a terminal, its condition (if any) after it. */
    static String text(Step s) {
        return withWhere(s.justification() == null ? null : toText(s.justification()), s.condition() == null ? null : whereText(s.condition()));
    }

    /**
     * What a printer writes beside a step, in TeX: its words and where it holds the first time the
     * words come ({@code explained} remembers them by {@code key}); after that where it holds only
     * (it differs from line to line); null when there is nothing to say.
     */
    static String texOnce(Step s, String key, java.util.Set<String> explained) {
        if (explained.add(key)) return tex(s);
        return s.condition() == null ? null : whereTex(s.condition());
    }

    /** As {@link #texOnce}, for a terminal. */
    static String textOnce(Step s, String key, java.util.Set<String> explained) {
        if (explained.add(key)) return text(s);
        return s.condition() == null ? null : whereText(s.condition());
    }

    /** "it holds where the layer has output, $N \\geq 9$": where a step holds, in TeX. */
    static String whereTex(Condition c) {
        return "it holds where " + c.words() + ", $" + LatexExpr.of(c.left()) + " " + LatexRelations.of(c.relation()) + " " + LatexExpr.of(c.right()) + "$";
    }

    /** The same for a terminal: the relation as ≥, ≤, the sides in Unicode. */
    static String whereText(Condition c) {
        String rel = switch (c.relation()) {
            case GE -> "≥";
            case LE -> "≤";
            default -> c.relation().symbol;
        };
        return "it holds where " + c.words() + ", " + UnicodeExpr.of(c.left()) + " " + rel + " " + UnicodeExpr.of(c.right());
    }

    private static String withWhere(String words, String where) {
        if (where == null) return words;
        return words == null || words.isEmpty() ? where : words + "; " + where;
    }

    /** The commands, longer first, so that \frac{1}{2} is not cut by a shorter one. */
    private static final java.util.List<String> LONGEST_FIRST = COMMANDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();

    /**
     * Plain text: the dollars dropped, {@code \mathrm{Var}} as {@code Var}, {@code J_{l-1}} kept but
     * {@code k_{H1}} as {@code k_H1}, the commands as Unicode. Written out rather than with regular
     * expressions: every section heading of a derivation comes through here (10,000 for a stack of
     * 10,000 layers), and most have nothing to replace.
     */
    static String toText(String s) {
        String out = s.replace("$", "");
        if (out.indexOf('\\') < 0 && out.indexOf('_') < 0 && out.indexOf('^') < 0) return out.replace("  ", " ");
        out = subscripts(romanRemoved(out));
        for (String k : LONGEST_FIRST) out = out.replace(k, COMMANDS.get(k));
        return out.replace("  ", " ");
    }

    /** {@code \mathrm{X}} as {@code X}, X anything but a closing brace. */
    private static String romanRemoved(String s) {
        final String open = "\\mathrm{";
        int at = s.indexOf(open);
        if (at < 0) return s;
        var sb = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            int close = s.indexOf('}', at + open.length());
            if (close < 0) break;
            sb.append(s, from, at).append(s, at + open.length(), close);
            from = close + 1;
            at = s.indexOf(open, from);
        }
        return sb.append(s, from, s.length()).toString();
    }

    /** {@code _{X}} as {@code _X} where X is letters, digits and commas only. */
    private static String subscripts(String s) {
        int at = s.indexOf("_{");
        if (at < 0) return s;
        var sb = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            int end = at + 2;
            while (end < s.length() && isSubscriptChar(s.charAt(end))) end++;
            if (end > at + 2 && end < s.length() && s.charAt(end) == '}') {
                sb.append(s, from, at).append('_').append(s, at + 2, end);
                from = end + 1;
                at = s.indexOf("_{", from);
            } else {
                at = s.indexOf("_{", at + 1);
            }
        }
        return sb.append(s, from, s.length()).toString();
    }

    private static boolean isSubscriptChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ',';
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
