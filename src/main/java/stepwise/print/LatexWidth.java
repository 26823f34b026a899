package stepwise.print;

import java.util.Map;
import java.util.Set;

/**
 * An estimate, in points at 11pt, of how wide a line of display math prints: enough to decide
 * where a long equation must break. It errs on the wide side; the pdflatex test holds it honest.
 */
final class LatexWidth {
    private LatexWidth() {}

    private static final double GLYPH = 6.0, SCRIPT = 0.72;
    private static final Set<String> WORDS = Set.of("mathrm", "mathbb", "text", "texttt", "operatorname", "mathit", "textit", "textbf");
    private static final Map<String, Double> COMMANDS = Map.ofEntries(
            Map.entry("cdot", 7.8), Map.entry("quad", 11.0), Map.entry("qquad", 22.0), Map.entry(",", 1.9), Map.entry(";", 3.1),
            Map.entry("!", -1.9), Map.entry(" ", 3.7), Map.entry("|", 5.5), Map.entry("infty", 11.0), Map.entry("log", 17.0),
            Map.entry("exp", 18.5), Map.entry("max", 21.0), Map.entry("min", 19.0), Map.entry("sum", 16.0), Map.entry("prod", 15.0),
            Map.entry("leq", 14.5), Map.entry("geq", 14.5), Map.entry("neq", 14.5), Map.entry("to", 15.5), Map.entry("times", 13.0),
            Map.entry("lfloor", 5.0), Map.entry("rfloor", 5.0), Map.entry("lceil", 5.0), Map.entry("rceil", 5.0),
            Map.entry("checkmark", 9.0), Map.entry("ldots", 15.0), Map.entry("dots", 15.0), Map.entry("cdots", 15.0));
    private static final Set<String> DELIMITER_SIZES = Set.of("left", "right", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "big", "Big");

    static double of(String latex) { return new Scan(latex).run(latex.length()); }

    private static final class Scan {
        private final String s;
        private int i;

        Scan(String s) { this.s = s; }

        double run(int end) {
            double w = 0;
            while (i < end) {
                char c = s.charAt(i);
                if (c == '\\') w += command(end);
                else if (c == '{') w += group();
                else if (c == '^' || c == '_') { i++; w += SCRIPT * argument(); }
                else { i++; w += glyph(c); }
            }
            return w;
        }

        private double glyph(char c) {
            return switch (c) {
                case ' ', '&', '}' -> 0;
                case '=', '<', '>' -> 14.5;
                case '+', '-' -> 13.0;
                case ',' -> 5.0;
                case '(', ')', '[', ']', '|' -> 4.3;
                case '.', ';', ':' -> 3.1;
                default -> c > 0x2000 ? 11 : Character.isUpperCase(c) ? 7.6 : GLYPH;
            };
        }

        /** A braced group or a single token, as after ^ or \frac. */
        private double argument() {
            if (i >= s.length()) return 0;
            if (s.charAt(i) == '{') return group();
            if (s.charAt(i) == '\\') return command(s.length());
            return glyph(s.charAt(i++));
        }

        private double group() {
            int close = matching(i);
            i++;
            double w = run(close);
            i = close + 1;
            return w;
        }

        private int matching(int open) {
            int depth = 0;
            for (int k = open; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '\\') { k++; continue; }
                if (c == '{') depth++;
                if (c == '}' && --depth == 0) return k;
            }
            return s.length() - 1;
        }

        private String rawGroup() {
            if (i >= s.length() || s.charAt(i) != '{') return "";
            int close = matching(i);
            String inner = s.substring(i + 1, close);
            i = close + 1;
            return inner;
        }

        private double command(int end) {
            i++;
            int start = i;
            if (i < s.length() && !Character.isLetter(s.charAt(i))) {
                i++;
                return COMMANDS.getOrDefault(s.substring(start, i), 5.5);
            }
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            String name = s.substring(start, i);
            if (name.equals("frac") || name.equals("dfrac")) return Math.max(argument(), argument()) + 4;
            if (name.equals("tfrac")) return 0.75 * Math.max(argument(), argument()) + 3;
            if (name.equals("sqrt")) return argument() + 10;
            if (WORDS.contains(name)) return words(rawGroup(), name.startsWith("text") ? 5.2 : GLYPH);
            if (DELIMITER_SIZES.contains(name)) {
                if (i < s.length() && s.charAt(i) == '.') { i++; return 0; }
                if (i < s.length() && s.charAt(i) == '\\') command(end);
                else i++;
                return 5.5;
            }
            if (name.equals("begin")) return environment();
            if (name.equals("tag")) { if (i < s.length() && s.charAt(i) == '*') i++; rawGroup(); return 0; }
            if (stepwise.ast.Greek.isGreek(name)) return 6.5;
            return COMMANDS.getOrDefault(name, 7.0);
        }

        private double words(String inner, double perChar) {
            return inner.replaceAll("\\\\[a-zA-Z]+|[{}$\\\\]", "").length() * perChar;
        }

        /** A matrix: the widest entry of each column, plus the column gaps and the brackets. */
        private double environment() {
            String env = rawGroup();
            String endTag = "\\end{" + env + "}";
            int close = s.indexOf(endTag, i);
            if (close < 0) close = s.length();
            String body = s.substring(i, close);
            i = Math.min(s.length(), close + endTag.length());
            double[] cols = new double[64];
            int n = 0;
            for (String row : body.split("\\\\\\\\")) {
                String[] cells = row.split("&");
                for (int c = 0; c < cells.length && c < cols.length; c++) cols[c] = Math.max(cols[c], of(cells[c]));
                n = Math.max(n, cells.length);
            }
            double w = 14;
            for (int c = 0; c < n; c++) w += cols[c] + 11;
            return w;
        }
    }
}
