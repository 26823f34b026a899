package stepwise.serve;

import java.util.ArrayList;
import java.util.List;
import stepwise.ast.Span;

/** Finds the text a span covers; spans count lines from 1 and columns and lengths in code points, as the parser does. */
final class SourceLines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    SourceLines(String text) {
        this.text = text;
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
    }

    String slice(Span span) {
        if (span.line() < 1 || span.line() > starts.size()) return "";
        try {
            int from = text.offsetByCodePoints(starts.get(span.line() - 1), span.column() - 1);
            int to = text.offsetByCodePoints(from, span.length());
            return text.substring(from, to);
        } catch (IndexOutOfBoundsException beyond) {
            return text.substring(Math.min(text.length(), starts.get(span.line() - 1)));
        }
    }
}
