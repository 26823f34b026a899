package stepwise.ast;

/**
 * A name as TeX math, one spelling wherever a name is set: in an expression the LaTeX printer sets,
 * and in the words of a justification a derivation writes ({@code q_{1}} for q1, {@code \sigma},
 * {@code \mathrm{RF}_{H_{2}}}, an upright word for a longer name).
 */
public final class TexNames {
    private TexNames() {}

    private static final java.util.regex.Pattern LETTERS_DIGITS = java.util.regex.Pattern.compile("([A-Za-z]+)([0-9]+)");

    public static String of(String name) {
        if (name.equals("infinity")) return "\\infty";
        int underscore = name.indexOf('_');
        if (underscore > 0 && underscore < name.length() - 1) {
            String rest = name.substring(underscore + 1);
            // A layer's own name in a subscript (conv1_1, block2) is one upright word, as written.
            boolean word = rest.indexOf('_') > 0 && !isLetter(rest.substring(0, rest.indexOf('_')));
            return base(name.substring(0, underscore)) + "_{" + (word ? upright(rest) : of(rest)) + "}";
        }
        var m = LETTERS_DIGITS.matcher(name);
        if (m.matches() && isLetter(m.group(1))) return base(m.group(1)) + "_{" + m.group(2) + "}";
        return base(name);
    }

    /** One letter, Latin or Greek: a mathematician's variable, set in italic and subscripted. */
    private static boolean isLetter(String s) { return s.length() == 1 && Character.isLetter(s.charAt(0)) || Greek.isGreek(s); }

    /** Multi-letter names (RF, conv1, out) are words, set upright. */
    private static String base(String name) {
        if (Greek.isGreek(name)) return "\\" + name;
        if (name.length() == 1) return name;
        if (name.chars().allMatch(c -> Character.isDigit(c) || c == ',')) return name; // an index: 3, or 1,2
        return upright(name);
    }

    private static String upright(String word) { return "\\mathrm{" + word.replace("_", "\\_") + "}"; }
}
