package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import stepwise.Report;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;

/** Plain Unicode text for a terminal. */
public final class TextPrinter implements Printer {

    @Override public String print(Report report) {
        var sb = new StringBuilder();
        for (Result r : report.results()) {
            if (sb.length() > 0) sb.append('\n');
            if (r instanceof Result.Title t) sb.append(t.text()).append('\n').append("=".repeat(Math.min(78, t.text().length()))).append('\n');
            else if (r instanceof Result.Prose p) sb.append(p.text()).append('\n');
            else if (r instanceof Result.Derivation d) derivation(d, sb);
            else if (r instanceof Result.Sweep w) sweep(w, sb);
            else if (r instanceof Result.Solution s) solution(s, sb);
            else if (r instanceof Result.CheckReport c) check(c, sb);
        }
        return sb.toString();
    }

    private static void header(String kind, String target, int line, StringBuilder sb) {
        sb.append(kind).append(' ').append(target).append("   (line ").append(line).append(")\n");
    }

    private static void derivation(Result.Derivation d, StringBuilder sb) {
        header("derive", d.target(), d.line(), sb);
        steps(d.steps(), sb);
        if (!d.layers().isEmpty()) table(d.layers(), sb);
        if (d.result() != null) sb.append("  result: ").append(Steps.result(d.result(), UnicodeExpr::of)).append('\n');
        d.notes().forEach(n -> sb.append("  note: ").append(Justification.toText(n)).append('\n'));
        sb.append("  ").append(Steps.tally(d.steps())).append('\n');
    }

    static void steps(List<Step> all, StringBuilder sb) {
        Steps.layOut(all, (part, explained) -> steps(part, explained, sb));
    }

    private static void steps(List<Step> steps, java.util.Set<String> explained, StringBuilder sb) {
        String section = null;
        for (Step s : steps) {
            if (s.section() != null && !s.section().equals(section)) {
                section = s.section();
                sb.append("  ").append(Justification.toText(section)).append('\n');
            }
            sb.append("    ");
            Steps.equation(s, UnicodeExpr::append, " = ", sb);
            sb.append('\n');
            sb.append("        ").append(mark(s.verification())).append(' ').append(s.rule());
            String why = Justification.textOnce(s, s.rule() + s.justification(), explained);
            if (why != null) sb.append(": ").append(why);
            sb.append('\n');
            if (s.verification() != null && !s.verification().ok()) {
                sb.append("        ").append(Steps.verdict(s.verification())).append('\n');
            }
        }
    }

    private static String mark(Verification v) {
        if (v == null) return " ";
        return switch (v.status()) {
            case VERIFIED -> "✓";
            case FAILED -> "✗";
            case UNKNOWN -> "?";
        };
    }

    private static void table(List<LayerRow> rows, StringBuilder sb) {
        var header = new ArrayList<>(List.of("layer"));
        boolean rf = Steps.hasRf(rows), size = Steps.hasSize(rows);
        if (rf) header.addAll(List.of("RF", "J", "P"));
        if (size) header.add("n");
        var cells = new ArrayList<List<String>>();
        cells.add(header);
        for (LayerRow r : rows) {
            var row = new ArrayList<>(List.of(r.name()));
            if (rf) row.addAll(List.of(Steps.rf(r, UnicodeExpr::of, ".."), Steps.perAxis(r.stride(), UnicodeExpr::of),
                    Steps.perAxis(r.padding(), UnicodeExpr::of)));
            if (size) row.add(Steps.perAxis(r.size(), UnicodeExpr::of));
            cells.add(row);
        }
        columns(cells, sb);
        if (Steps.pairs(rows)) sb.append("  ").append(Steps.PAIRS).append('\n');
    }

    static void columns(List<List<String>> cells, StringBuilder sb) {
        int cols = cells.get(0).size();
        int[] width = new int[cols];
        for (var row : cells) for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], row.get(c).codePointCount(0, row.get(c).length()));
        for (var row : cells) {
            sb.append("  ");
            for (int c = 0; c < cols; c++) {
                String cell = row.get(c);
                sb.append(cell);
                if (c < cols - 1) sb.append(" ".repeat(width[c] - cell.codePointCount(0, cell.length()))).append("  ");
            }
            while (sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
    }

    private static void sweep(Result.Sweep w, StringBuilder sb) {
        header("sweep", w.statement(), w.line(), sb);
        if (w.params().size() == 2) {
            grid(w, sb);
            return;
        }
        var cells = new ArrayList<List<String>>();
        cells.add(List.of(w.params().get(0), "value", ""));
        for (var row : w.rows()) cells.add(List.of(UnicodeExpr.of(row.at().get(0)), UnicodeExpr.of(row.value()), mark(row.verification())));
        columns(cells, sb);
    }

    /** Two parameters: a row per value of the first, a column (a curve of the plot) per value of the second; the checks under it. */
    private static void grid(Result.Sweep w, StringBuilder sb) {
        var seconds = Sweeps.values(w, 1);
        var header = new ArrayList<>(List.of(w.params().get(0)));
        for (var b : seconds) header.add(w.params().get(1) + " = " + UnicodeExpr.of(b));
        var cells = new ArrayList<List<String>>();
        cells.add(header);
        for (var a : Sweeps.values(w, 0)) {
            var row = new ArrayList<>(List.of(UnicodeExpr.of(a)));
            for (var b : seconds) {
                var cell = Sweeps.cell(w, a, b);
                row.add(cell == null ? "" : UnicodeExpr.of(cell.value()) + Sweeps.mark(cell.verification()));
            }
            cells.add(row);
        }
        columns(cells, sb);
        sb.append("  ").append(Sweeps.tally(w)).append('\n');
    }

    private static void check(Result.CheckReport c, StringBuilder sb) {
        header("check", c.name() == null ? "" : "\"" + c.name() + "\"", c.line(), sb);
        if (c.unreadable() != null) {
            sb.append("  ? not checked: ").append(c.unreadable()).append('\n');
            return;
        }
        if (!c.lines().isEmpty()) sb.append("    ").append(UnicodeExpr.of(c.lines().get(0).lhs())).append('\n');
        for (var line : c.lines()) {
            sb.append("    ").append(line.relation().symbol).append(' ').append(UnicodeExpr.of(line.rhs()))
              .append("      ").append(Verdicts.text(line.verdict())).append("   (line ").append(line.line()).append(")\n");
            if (line.verdict().status() != stepwise.result.Verdict.Status.HOLDS && line.verdict().reason() != null) {
                sb.append("        ").append(Verdicts.explain(line.verdict())).append('\n');
            }
            Verdicts.why(line).forEach(w -> sb.append("        ").append(w).append('\n'));
        }
        sb.append("  ").append(c.ok() ? "every line holds" + (c.lines().stream().anyMatch(l -> l.verdict().status() == stepwise.result.Verdict.Status.UNKNOWN)
                ? " or is unknown" : "") : "first error: line " + c.firstError()).append('\n');
    }

    private static void solution(Result.Solution s, StringBuilder sb) {
        header("solve", s.target() + " " + s.relation().symbol + " " + UnicodeExpr.of(s.bound()) + " for " + s.param(), s.line(), sb);
        steps(s.steps(), sb);
        if (s.value() != null) sb.append("  result: ").append(s.param()).append(" = ").append(UnicodeExpr.of(s.value())).append('\n');
        else sb.append("  no solution: ").append(s.reason()).append('\n');
    }
}
