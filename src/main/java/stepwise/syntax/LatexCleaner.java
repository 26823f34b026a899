package stepwise.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes out of display math what a reader does not read as mathematics, keeping every other
 * character where it was (so positions still point into the file): comments, {@code \label},
 * {@code \tag}, {@code \nonumber}, {@code \intertext}, {@code \text{by linearity}} and other
 * annotations, trailing punctuation. Then cuts the math into segments: the rows between
 * {@code \\}, and the pieces of a row that a top-level comma, semicolon or {@code \text{and}}
 * separates ({@code \mu = 0, \quad \sigma = 1} is two relations). A segment holding a top-level
 * {@code \sim} or {@code \in} is a declaration or a condition, not a relation, and is dropped.
 */
final class LatexCleaner {
    private LatexCleaner() {}

    /** A piece of a display, from start (inclusive) to end (exclusive) in the cleaned text. */
    record Segment(int start, int end) {}

    /** Marks a place where one chain ends and another may begin; never part of a segment. */
    static final char CUT = '\u0001';

    /** Commands whose braced argument is an annotation, dropped with it. */
    private static final Pattern WITH_ARGUMENT = Pattern.compile(
            "\\\\(label|tag\\*?|intertext|shortintertext|hspace\\*?|vspace\\*?|phantom|hphantom|vphantom|textbf|textit|emph|eqref|ref|color)\\s*\\{");
    /** Commands that only shape the page. */
    private static final Pattern ALONE = Pattern.compile(
            "\\\\(nonumber|notag|left\\.|right\\.|hfill|allowbreak|newline|mathop\\{\\}|displaystyle|medskip|smallskip|noindent)(?![a-zA-Z])");
    /** Wrappers whose braced argument is mathematics to read: {@code \boxed{x}} is x. */
    private static final Pattern WRAPPER = Pattern.compile("\\\\(boxed|underbrace|overbrace|textcolor\\s*\\{[^}]*\\}|colorbox\\s*\\{[^}]*\\})\\s*\\{");
    /** A relation with a note over or under it: {@code \overset{(a)}{=}} is =. */
    private static final Pattern NOTED_RELATION = Pattern.compile("\\\\(overset|underset|stackrel)\\s*\\{");
    private static final Pattern TEXT = Pattern.compile("\\\\(text|textrm|textnormal|mbox|mathrm|operatorname)\\s*\\{");
    /** Words that make the rest of a row a condition: {@code \quad \text{for } j = 1..J}. */
    private static final Set<String> CONDITION = Set.of("for", "where", "if", "since", "when", "whenever", "with", "as", "given",
            "because", "assuming", "provided", "on", "all", "each", "every", "using");
    /** Words that join two relations: {@code a = b \quad \text{and} \quad c = d}. */
    private static final Set<String> JOINING = Set.of("and", "or", "so", "hence", "thus", "then", "therefore", "i.e.", "ie", "giving", "gives");
    /** Words written as \text{..} that are names (of functions or quantities), never annotations. */
    static final Set<String> NAME_WORDS = Set.of("KL", "Var", "Cov", "Std", "RF", "ELBO", "MSE", "NLL", "Laplace", "Normal", "Uniform",
            "Bernoulli", "Bern", "Exponential", "Exp", "d", "e");

    static String clean(String body) {
        var sb = new StringBuilder(body);
        blankComments(sb);
        blankMatches(sb, ALONE, false);
        blankMatches(sb, WITH_ARGUMENT, true);
        wrappers(sb);
        notedRelations(sb);
        annotations(sb);
        rowSpacing(sb);
        punctuation(sb);
        return sb.toString();
    }

    /** The segments of a cleaned body, in order; declarations and blank pieces left out. */
    static List<Segment> segments(String cleaned) {
        var out = new ArrayList<Segment>();
        int depth = 0, start = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == '\\' && i + 1 < cleaned.length() && cleaned.charAt(i + 1) == '\\' && depth <= 0) {
                add(cleaned, start, i, out);
                start = i + 2;
                i++;
            } else if (c == CUT) {
                add(cleaned, start, i, out);
                start = i + 1;
            } else if (c == '\\') {
                i = skipCommand(cleaned, i) - 1;
                depth += depthChange(cleaned, i);
            } else {
                depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            }
        }
        add(cleaned, start, cleaned.length(), out);
        return out;
    }

    private static void add(String text, int start, int end, List<Segment> out) {
        String piece = text.substring(start, end);
        if (piece.isBlank() || piece.replace("&", "").isBlank()) return;
        if (declaration(piece)) return;
        out.add(new Segment(start, end));
    }

    /** A top-level {@code \sim}, {@code \in} or {@code \forall}: the piece declares or restricts, it does not relate. */
    static boolean declaration(String piece) {
        int depth = 0;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c == '\\') {
                int end = skipCommand(piece, i);
                String name = piece.substring(i, end);
                if (depth == 0 && (name.equals("\\sim") || name.equals("\\in") || name.equals("\\forall") || name.equals("\\notin"))) return true;
                if (name.equals("\\{")) depth++;
                if (name.equals("\\}")) depth--;
                i = end - 1;
            } else {
                depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            }
        }
        return false;
    }

    /** The index just after the command starting at i: a run of letters, or one other character. */
    static int skipCommand(String s, int i) {
        int j = i + 1;
        if (j >= s.length()) return j;
        if (!Character.isLetter(s.charAt(j))) return j + 1;
        while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
        return j;
    }

    private static int depthChange(String s, int lastIndexOfCommand) {
        int start = s.lastIndexOf('\\', lastIndexOfCommand);
        String name = s.substring(start, lastIndexOfCommand + 1);
        return name.equals("\\{") || name.equals("\\lbrace") ? 1 : name.equals("\\}") || name.equals("\\rbrace") ? -1 : 0;
    }

    private static void blankComments(StringBuilder sb) {
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == '\\') { i++; continue; }
            if (sb.charAt(i) == '%') while (i < sb.length() && sb.charAt(i) != '\n') sb.setCharAt(i++, ' ');
        }
    }

    private static void blankMatches(StringBuilder sb, Pattern p, boolean withArgument) {
        var m = p.matcher(sb);
        int from = 0;
        while (m.find(from)) {
            int end = withArgument ? closingBrace(sb, m.end() - 1) + 1 : m.end();
            blank(sb, m.start(), end);
            from = end;
            m = p.matcher(sb);
        }
    }

    /** Boxed math, or math under a brace with a note: the wrapper and its note go, the math stays in braces. */
    private static void wrappers(StringBuilder sb) {
        var m = WRAPPER.matcher(sb);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = closingBrace(sb, open);
            boolean brace = m.group(1).endsWith("brace");
            blank(sb, m.start(), open);
            if (brace) {
                int j = close + 1;
                while (j < sb.length() && sb.charAt(j) == ' ') j++;
                if (j < sb.length() && (sb.charAt(j) == '_' || sb.charAt(j) == '^')) {
                    int k = j + 1;
                    while (k < sb.length() && sb.charAt(k) == ' ') k++;
                    int end = k < sb.length() && sb.charAt(k) == '{' ? closingBrace(sb, k) + 1 : Math.min(k + 1, sb.length());
                    blank(sb, j, end);
                }
            }
            from = open + 1;
            m = WRAPPER.matcher(sb);
        }
    }

    /** {@code \overset{(a)}{=}}: the note goes, the relation stays. */
    private static void notedRelations(StringBuilder sb) {
        var m = NOTED_RELATION.matcher(sb);
        int from = 0;
        while (m.find(from)) {
            int noteEnd = closingBrace(sb, m.end() - 1);
            int j = noteEnd + 1;
            while (j < sb.length() && sb.charAt(j) == ' ') j++;
            if (j >= sb.length() || sb.charAt(j) != '{') { from = m.end(); continue; }
            int close = closingBrace(sb, j);
            blank(sb, m.start(), j + 1);
            blank(sb, close, close + 1);
            from = close + 1;
            m = NOTED_RELATION.matcher(sb);
        }
    }

    /**
     * {@code \text{...}}: a name when it is one known word or is followed by what follows a name
     * ({@code \text{RF}_{H_2}}, {@code \text{Var}(w)}); otherwise an annotation, dropped. An
     * annotation starting with "for", "where", ... takes the rest of its row with it; one that says
     * "and", "hence", ... ends one relation and lets the next begin.
     */
    private static void annotations(StringBuilder sb) {
        var m = TEXT.matcher(sb);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = closingBrace(sb, open);
            String content = sb.substring(open + 1, Math.min(close, sb.length())).strip();
            boolean roman = m.group(1).equals("mathrm") || m.group(1).equals("operatorname");
            if (roman || inScript(sb, m.start()) || isName(content, sb, close + 1)) {
                from = close + 1;
                continue;
            }
            String word = firstWord(content);
            if (CONDITION.contains(word)) {
                blank(sb, m.start(), rowEnd(sb, close + 1));
            } else {
                blank(sb, m.start(), close + 1);
                if (JOINING.contains(word)) sb.setCharAt(m.start(), CUT);
            }
            from = close + 1;
        }
    }

    /** Whether position i is inside a subscript or superscript: {@code n_{\text{out}}}. */
    private static boolean inScript(StringBuilder sb, int i) {
        int j = i - 1;
        while (j >= 0 && sb.charAt(j) == ' ') j--;
        if (j >= 0 && sb.charAt(j) == '{') {
            j--;
            while (j >= 0 && sb.charAt(j) == ' ') j--;
        }
        return j >= 0 && (sb.charAt(j) == '_' || sb.charAt(j) == '^');
    }

    private static boolean isName(String content, StringBuilder sb, int after) {
        if (!content.matches("[A-Za-z]+")) return false;
        if (NAME_WORDS.contains(content)) return true;
        int j = after;
        while (j < sb.length() && sb.charAt(j) == ' ') j++;
        return j < sb.length() && "(_^'[".indexOf(sb.charAt(j)) >= 0;
    }

    private static String firstWord(String content) {
        String s = content.replaceAll("^[\\s(,;:]+", "").toLowerCase();
        int end = 0;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '.')) end++;
        String w = s.substring(0, end);
        return w.endsWith(".") && !w.equals("i.e.") ? w.substring(0, w.length() - 1) : w;
    }

    /** Where the row holding position i ends: the next top-level {@code \\}, or the end. */
    private static int rowEnd(StringBuilder sb, int i) {
        int depth = 0;
        for (int j = i; j < sb.length(); j++) {
            char c = sb.charAt(j);
            if (c == '\\' && j + 1 < sb.length() && sb.charAt(j + 1) == '\\' && depth <= 0) return j;
            if (c == '{') depth++;
            if (c == '}') depth--;
        }
        return sb.length();
    }

    /** {@code \\[4pt]} and {@code \\*}: the row break stays, its spacing goes. */
    private static void rowSpacing(StringBuilder sb) {
        for (int i = 0; i + 1 < sb.length(); i++) {
            if (sb.charAt(i) != '\\') continue;
            if (sb.charAt(i + 1) != '\\') { i++; continue; }
            int j = i + 2;
            if (j < sb.length() && sb.charAt(j) == '*') sb.setCharAt(j++, ' ');
            int k = j;
            while (k < sb.length() && Character.isWhitespace(sb.charAt(k))) k++;
            if (k < sb.length() && sb.charAt(k) == '[') {
                int close = sb.indexOf("]", k);
                if (close > 0 && sb.substring(k + 1, close).matches("\\s*-?[0-9.]+\\s*[a-z]{2}\\s*")) blank(sb, k, close + 1);
            }
            i = j - 1;
        }
    }

    /**
     * A top-level comma or semicolon separates relations; a full stop that is not a decimal point
     * ends a sentence. Commas inside parentheses, brackets and braces are arguments and stay.
     */
    private static void punctuation(StringBuilder sb) {
        int depth = 0;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\\') {
                int end = skipCommand(sb.toString(), i);
                String name = sb.substring(i, end);
                if (name.equals("\\{") || name.equals("\\lbrace")) depth++;
                if (name.equals("\\}") || name.equals("\\rbrace")) depth--;
                // Row breaks reset the count: a bracket left open on one row does not swallow the next.
                if (name.equals("\\\\")) depth = 0;
                i = end - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth <= 0 && (c == ',' || c == ';')) {
                sb.setCharAt(i, CUT);
            } else if (c == '.' && !(i > 0 && Character.isDigit(sb.charAt(i - 1)) && i + 1 < sb.length() && Character.isDigit(sb.charAt(i + 1)))) {
                if (i + 1 < sb.length() && sb.charAt(i + 1) == '.') { i++; continue; } // 1..J
                sb.setCharAt(i, ' ');
            }
        }
    }

    private static int closingBrace(CharSequence s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) return i;
        }
        return s.length() - 1;
    }

    private static void blank(StringBuilder sb, int from, int to) {
        for (int i = from; i < Math.min(to, sb.length()); i++) if (sb.charAt(i) != '\n') sb.setCharAt(i, ' ');
    }
}
