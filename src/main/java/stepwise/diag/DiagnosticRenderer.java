package stepwise.diag;

/** Renders a diagnostic as {@code FILE:LINE:COL: error: MESSAGE}, the source line, and a caret. */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(Diagnostic d, String source) {
        var span = d.span();
        var out = new StringBuilder();
        out.append(d.file() == null ? "<input>" : d.file());
        if (span.line() > 0) out.append(':').append(span.line()).append(':').append(span.column());
        out.append(": error: ").append(d.message()).append('\n');
        String line = sourceLine(source, span.line());
        if (line != null) {
            out.append(line).append('\n');
            out.append(caret(line, span.column(), span.length())).append('\n');
        }
        return out.toString();
    }

    private static String sourceLine(String source, int lineNo) {
        if (source == null || lineNo < 1) return null;
        String[] lines = source.split("\r?\n", -1);
        if (lineNo > lines.length) return null;
        String line = lines[lineNo - 1];
        // A binary or minified file can have an enormous line: show the part around the caret only.
        return line.length() > 200 ? line.substring(0, 200) : printable(line);
    }

    private static String printable(String line) {
        var sb = new StringBuilder(line.length());
        line.codePoints().forEach(c -> sb.appendCodePoint(c == '\t' || c >= 0x20 && c != 0x7f ? c : '?'));
        return sb.toString();
    }

    private static String caret(String line, int column, int length) {
        var sb = new StringBuilder();
        for (int i = 1; i < column && i <= line.length(); i++) sb.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
        sb.append('^');
        int room = Math.max(0, line.length() - column);
        for (int i = 1; i < Math.min(length, room + 1); i++) sb.append('~');
        return sb.toString();
    }
}
