package stepwise.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a .tex file that {@code stepwise check} reads: {@code % stepwise: ...} comment lines
 * (statements of the .deriv language that say what the symbols mean), and the display math of
 * align, align*, aligned, equation and equation* environments, \[...\] and $$...$$.
 */
public final class TexDocument {
    private TexDocument() {}

    /** A piece of display math: its kind, its text, and where its first character is. */
    public record Display(String kind, String body, int line, int column) {}

    private static final Pattern DISPLAY = Pattern.compile(
            "\\\\begin\\{(align\\*?|aligned|equation\\*?)\\}(.*?)\\\\end\\{\\1\\}|\\\\\\[(.*?)\\\\\\]|\\$\\$(.*?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INNER = Pattern.compile("\\\\begin\\{(aligned|align\\*?|split|gathered)\\}(.*?)\\\\end\\{\\1\\}", Pattern.DOTALL);
    private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*%\\s*stepwise:\\s*(.*)$");

    /** The declarations, one per line, in the .deriv language; blank lines keep line numbers aligned. */
    public static String declarations(String tex) {
        var out = new StringBuilder();
        String[] lines = tex.split("\n", -1);
        for (String line : lines) {
            Matcher m = DECLARATION.matcher(line);
            out.append(m.matches() ? m.group(1) : "").append('\n');
        }
        return out.toString();
    }

    public static List<Display> displays(String tex) {
        var out = new ArrayList<Display>();
        String visible = withoutComments(tex);
        Matcher m = DISPLAY.matcher(visible);
        while (m.find()) {
            int group = m.group(2) != null ? 2 : m.group(3) != null ? 3 : 4;
            String kind = group == 2 ? m.group(1) : group == 3 ? "\\[...\\]" : "$$...$$";
            int start = m.start(group);
            String body = m.group(group);
            // $$\begin{aligned} ... \end{aligned}$$ and the like: the environment inside is the math.
            Matcher inner = INNER.matcher(body);
            if (inner.find()) {
                kind = inner.group(1);
                start += inner.start(2);
                body = inner.group(2);
            }
            out.add(new Display(kind, body, lineOf(tex, start), columnOf(tex, start)));
        }
        return out;
    }

    /** Comments blanked out with spaces, so that positions stay where they are. */
    private static String withoutComments(String tex) {
        var sb = new StringBuilder(tex);
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == '%' && (i == 0 || sb.charAt(i - 1) != '\\')) {
                while (i < sb.length() && sb.charAt(i) != '\n') sb.setCharAt(i++, ' ');
            }
        }
        return sb.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }
}
