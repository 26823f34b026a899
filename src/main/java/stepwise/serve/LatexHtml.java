package stepwise.serve;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the LaTeX printer's output for one result into HTML for the page, so that the page shows the
 * notes exactly as the LaTeX printer writes them: display environments ({@code align*} and its
 * kin) become display-math elements, {@code tabular} becomes a table, {@code \paragraph} a heading,
 * prose a paragraph whose {@code $...$} become inline-math elements. Math stays TeX source inside
 * {@code <span class="tex">} (HTML-escaped); the page's KaTeX typesets it.
 */
final class LatexHtml {
    private LatexHtml() {}

    /** Environments that KaTeX typesets as a whole in display mode. */
    private static final Set<String> DISPLAY = Set.of("align*", "align", "aligned", "equation", "equation*", "gather", "gather*",
            "multline", "multline*", "alignat*", "flalign*");
    private static final Pattern BEGIN = Pattern.compile("^\\\\begin\\{([A-Za-z*]+)\\}");
    private static final Pattern PARAGRAPH = Pattern.compile("^\\\\(?:paragraph|subsection\\*?|section\\*?|subsubsection\\*?)\\{(.*)\\}\\s*$");

    static String convert(String latex) {
        var out = new StringBuilder();
        List<String> lines = latex.lines().toList();
        var prose = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            Matcher begin = BEGIN.matcher(trimmed);
            if (trimmed.isEmpty() || trimmed.startsWith("%") || begin.find() || PARAGRAPH.matcher(trimmed).matches() || trimmed.startsWith("\\[")) {
                flush(prose, out);
            }
            if (trimmed.isEmpty()) continue;
            if (trimmed.startsWith("%")) {
                if (trimmed.startsWith("% note: ")) out.append("<p class=\"note\">Note: ").append(inline(trimmed.substring(8))).append("</p>\n");
                continue;
            }
            Matcher heading = PARAGRAPH.matcher(trimmed);
            if (heading.matches()) {
                out.append("<h4>").append(inline(heading.group(1))).append("</h4>\n");
                continue;
            }
            begin.reset();
            if (begin.find()) {
                String env = begin.group(1);
                int end = endOf(lines, i, env);
                String body = String.join("\n", lines.subList(i, end + 1));
                if (DISPLAY.contains(env)) out.append("<div class=\"tex display\">").append(escape(body)).append("</div>\n");
                else if (env.equals("center") || env.equals("tabular")) out.append(Tables.convert(body));
                // Other environments (a pgfplots picture, say) have no HTML form here; the page draws plots itself.
                i = end;
                continue;
            }
            if (trimmed.startsWith("\\[")) {
                int end = i;
                while (end < lines.size() - 1 && !lines.get(end).contains("\\]")) end++;
                String body = String.join("\n", lines.subList(i, end + 1)).strip();
                body = body.substring(2, body.lastIndexOf("\\]"));
                out.append("<div class=\"tex display\">").append(escape(body)).append("</div>\n");
                i = end;
                continue;
            }
            prose.append(prose.length() == 0 ? "" : "\n").append(line);
        }
        flush(prose, out);
        return out.toString();
    }

    private static int endOf(List<String> lines, int from, String env) {
        String open = "\\begin{" + env + "}", close = "\\end{" + env + "}";
        int depth = 0;
        for (int j = from; j < lines.size(); j++) {
            String l = lines.get(j);
            depth += count(l, open) - count(l, close);
            if (depth <= 0) return j;
        }
        return lines.size() - 1;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) n++;
        return n;
    }

    private static void flush(StringBuilder prose, StringBuilder out) {
        if (prose.length() == 0) return;
        out.append("<p>").append(inline(prose.toString().strip())).append("</p>\n");
        prose.setLength(0);
    }

    private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\(textit|emph|textbf|texttt|text)\\{([^{}]*)\\}");

    /**
     * Prose in LaTeX text mode: {@code $...$} (and {@code \(...\)}) become inline-math elements, the
     * few text-mode commands the printers and lecture notes use become HTML, escapes become characters.
     */
    static String inline(String text) {
        var out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int dollar = nextMath(text, i);
            if (dollar < 0) {
                out.append(words(text.substring(i)));
                break;
            }
            out.append(words(text.substring(i, dollar)));
            boolean paren = text.startsWith("\\(", dollar);
            int start = dollar + (paren ? 2 : 1);
            int end = paren ? text.indexOf("\\)", start) : closingDollar(text, start);
            if (end < 0) {
                out.append(words(text.substring(dollar)));
                break;
            }
            out.append("<span class=\"tex\">").append(escape(text.substring(start, end))).append("</span>");
            i = end + (paren ? 2 : 1);
        }
        return out.toString();
    }

    private static int nextMath(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '(') return i;
                i++;
                continue;
            }
            if (c == '$') return i;
        }
        return -1;
    }

    private static int closingDollar(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '$') return i;
        }
        return -1;
    }

    /** Text-mode LaTeX to HTML: escapes undone, styling commands kept as tags. */
    static String words(String latex) {
        String s = latex.replace("\\noindent", "").replace("\\par", "").replace("\\bigskip", "").replace("\\ldots", "…")
                .replace("\\textbackslash{}", "\u0000b").replace("\\textgreater{}", ">").replace("\\textless{}", "<")
                .replace("\\^{}", "^").replace("\\~{}", "~").replace("\\ ", " ").replace("~", "\u00a0").replace("\\\\", "\n");
        s = s.replaceAll("\\\\([_{}%&#$])", "$1");
        Matcher m = TEXT_COMMAND.matcher(escape(s));
        var sb = new StringBuilder();
        while (m.find()) {
            String tag = switch (m.group(1)) {
                case "textit", "emph" -> "em";
                case "textbf" -> "strong";
                case "texttt" -> "code";
                default -> "span";
            };
            m.appendReplacement(sb, Matcher.quoteReplacement("<" + tag + ">" + m.group(2) + "</" + tag + ">"));
        }
        m.appendTail(sb);
        return sb.toString().replace("\u0000b", "\\");
    }

    static String escape(String s) {
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
