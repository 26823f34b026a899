package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import stepwise.ast.Expr;

/**
 * A block of chains as rows of an {@code align*}: the left side, then {@code = link} after
 * {@code = link} while the row fits, a new row for the next link when it does not, and a long link
 * cut at a top-level {@code +} onto rows of its own. Each line's note goes on its last row.
 */
final class Rows {
    private Rows() {}

    /** Text width of the standalone document (letter paper, 2 cm margins), less what the estimate may miss. */
    static final double BUDGET = 430;
    /** A left side wider than this goes on a row of its own, so that it does not push every right side over. */
    private static final double WIDEST_LEFT = 150;

    record Row(String left, String right, int line) {}

    /** The rows of {@code lines}, each expression in {@code tex}'s spelling. */
    static List<Row> of(List<Notes.Line> lines, LatexExpr tex) {
        double left = 0;
        for (var l : lines) {
            if (l.lhs() != null) {
                double w = LatexWidth.of(tex.latex(l.lhs()));
                if (w <= WIDEST_LEFT) left = Math.max(left, w);
            }
        }
        double budget = BUDGET - left;
        var rows = new ArrayList<Row>();
        for (int i = 0; i < lines.size(); i++) line(lines.get(i), i, left, budget, rows, tex);
        return rows;
    }

    private static void line(Notes.Line l, int index, double leftWidth, double budget, List<Row> rows, LatexExpr tex) {
        String left = "";
        var links = new ArrayList<String>();
        if (l.lhs() != null) {
            String lhs = tex.latex(l.lhs());
            if (LatexWidth.of(lhs) <= WIDEST_LEFT) left = lhs;
            else {
                // The left side on its own row (or rows), in the right-hand column.
                var pieces = Pieces.of(l.lhs(), budget, tex);
                fill(pieces, "", rows, index, budget);
            }
        }
        String current = "";
        boolean first = true;
        for (Expr link : l.links()) {
            String text = "= " + tex.latex(link);
            double w = LatexWidth.of(text);
            if (current.isEmpty() || LatexWidth.of(current) + w + 4 <= budget) {
                current = current.isEmpty() ? text : current + " " + text;
                continue;
            }
            rows.add(new Row(first ? left : "", current, index));
            first = false;
            current = text;
        }
        if (LatexWidth.of(current) <= budget || l.links().isEmpty()) {
            rows.add(new Row(first ? left : "", current, index));
            return;
        }
        // The last link alone is too wide: cut it, the earlier ones on their own row.
        Expr last = l.links().get(l.links().size() - 1);
        String before = current.substring(0, current.length() - ("= " + tex.latex(last)).length()).stripTrailing();
        if (!before.isEmpty()) {
            rows.add(new Row(first ? left : "", before, index));
            first = false;
        }
        var pieces = new ArrayList<>(Pieces.of(last, budget - 15, tex));
        pieces.set(0, "= " + pieces.get(0));
        int start = rows.size();
        fill(pieces, "\\quad ", rows, index, budget);
        if (first) rows.set(start, new Row(left, rows.get(start).right(), index));
    }

    /** Pieces on as few rows as fit; every row after the first indented. */
    private static void fill(List<String> pieces, String indent, List<Row> rows, int index, double budget) {
        String current = "";
        for (String p : pieces) {
            if (!current.isEmpty() && LatexWidth.of(current + " " + p) > budget) {
                rows.add(new Row("", current, index));
                current = "\\quad " + p;
            } else {
                current = current.isEmpty() ? p : current + " " + p;
            }
        }
        if (!current.isEmpty()) rows.add(new Row("", current, index));
    }
}
