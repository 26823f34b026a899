package stepwise.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A LaTeX {@code tabular} (inside {@code center} or not) as an HTML table; the first row is the header. */
final class Tables {
    private Tables() {}

    private static final Pattern TABULAR = Pattern.compile("\\\\begin\\{tabular\\}\\{([^}]*)\\}(.*?)\\\\end\\{tabular\\}", Pattern.DOTALL);
    private static final Pattern MULTICOLUMN = Pattern.compile("^\\\\multicolumn\\{(\\d+)\\}\\{[^}]*\\}\\{(.*)\\}$", Pattern.DOTALL);

    static String convert(String environment) {
        Matcher m = TABULAR.matcher(environment);
        if (!m.find()) return "";
        String spec = m.group(1).replaceAll("[^lrc]", "");
        var out = new StringBuilder("<table class=\"layers\">\n");
        boolean header = true;
        for (String row : rows(m.group(2))) {
            List<String> cells = cells(row);
            if (cells.isEmpty()) continue;
            out.append("<tr>");
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).strip();
                String tag = header ? "th" : "td";
                Matcher multi = MULTICOLUMN.matcher(cell);
                if (multi.matches()) {
                    out.append('<').append(tag).append(" colspan=\"").append(multi.group(1)).append("\" class=\"c\">")
                       .append(LatexHtml.inline(multi.group(2))).append("</").append(tag).append('>');
                    continue;
                }
                char align = c < spec.length() ? spec.charAt(c) : 'l';
                out.append('<').append(tag).append(" class=\"").append(align).append("\">").append(LatexHtml.inline(cell))
                   .append("</").append(tag).append('>');
            }
            out.append("</tr>\n");
            header = false;
        }
        return out.append("</table>\n").toString();
    }

    /** Rows end at {@code \\} outside math; {@code \hline} is a rule, not a row. */
    private static List<String> rows(String body) {
        var rows = new ArrayList<String>();
        var current = new StringBuilder();
        boolean math = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                if (!math && body.charAt(i + 1) == '\\') {
                    rows.add(current.toString());
                    current.setLength(0);
                    i++;
                    continue;
                }
                current.append(c).append(body.charAt(i + 1));
                i++;
                continue;
            }
            if (c == '$') math = !math;
            current.append(c);
        }
        rows.add(current.toString());
        return rows.stream().map(r -> r.replace("\\hline", "").strip()).filter(r -> !r.isEmpty()).toList();
    }

    /** Cells are split at {@code &} outside math and braces. */
    private static List<String> cells(String row) {
        var cells = new ArrayList<String>();
        var current = new StringBuilder();
        boolean math = false;
        int depth = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                current.append(c).append(row.charAt(++i));
                continue;
            }
            if (c == '$') math = !math;
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == '&' && !math && depth == 0) {
                cells.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        cells.add(current.toString());
        return cells;
    }
}
