package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import stepwise.Report;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;

/** Markdown with display math in {@code $$} blocks, for notes and READMEs that render LaTeX math. */
public final class MarkdownPrinter implements Printer {
    private final Style style;
    /** The base of the plots' file names ({@code notes} gives {@code notes-sweep-1.svg}), or null for no images. */
    private final String plotBase;

    public MarkdownPrinter() { this(Style.NOTES); }

    public MarkdownPrinter(Style style) { this(style, null); }

    public MarkdownPrinter(Style style, String plotBase) {
        this.style = style;
        this.plotBase = plotBase;
    }

    /** The SVG file written beside the Markdown for each sweep that has a plot, by file name, in order. */
    public static java.util.Map<String, String> plots(Report report, String plotBase) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (Result r : report.results()) {
            if (r instanceof Result.Sweep w && Sweeps.plot(w) != null) {
                out.put(plotBase + "-sweep-" + (out.size() + 1) + ".svg", stepwise.plot.Svg.render(Sweeps.plot(w)));
            }
        }
        return out;
    }

    @Override public String print(Report report) {
        var sb = new StringBuilder();
        int plots = 0;
        for (Result r : report.results()) {
            if (sb.length() > 0) sb.append('\n');
            if (r instanceof Result.Title t) sb.append("# ").append(t.text()).append('\n');
            else if (r instanceof Result.Prose p) sb.append(p.text()).append('\n');
            else if (r instanceof Result.Derivation d && style == Style.NOTES) notes(d, sb);
            else if (r instanceof Result.Derivation d) derivation(d, sb);
            else if (r instanceof Result.Sweep w) {
                if (style == Style.NOTES) sb.append("## ").append(Headings.sweep(w.target(), w.paramsText())).append("\n\n");
                sweep(w, style == Style.FULL, sb);
                if (Sweeps.plot(w) != null && ++plots > 0 && plotBase != null) {
                    var plot = Sweeps.plot(w);
                    sb.append("\n![").append(plot.title()).append(" against ").append(plot.xLabel())
                      .append(w.params().size() == 2 ? ", one curve per " + Sweeps.paramWords(w.params().get(1)) : "").append("](")
                      .append(plotBase).append("-sweep-").append(plots).append(".svg)\n");
                }
            }
            else if (r instanceof Result.Solution s) {
                if (style == Style.NOTES) {
                    String bound = stepwise.ast.Infix.print(s.bound());
                    sb.append("## ").append(Headings.solve(s.target(), LatexRelations.of(s.relation()), bound, s.param())).append("\n\n");
                }
                solution(s, style == Style.FULL, sb);
            }
            else if (r instanceof Result.CheckReport c) check(c, sb);
        }
        return sb.toString();
    }

    private static void header(String text, int line, StringBuilder sb) {
        sb.append("## `").append(text).append("` (line ").append(line).append(")\n\n");
    }

    /** The notes style: a heading in words, each chain once in an aligned block, the reasons beside, one line under it. */
    private static void notes(Result.Derivation d, StringBuilder sb) {
        sb.append("## ").append(Headings.derivation(d.target())).append("\n\n");
        var tex = LatexExpr.forSteps(d.steps());
        for (var b : Notes.of(d.steps())) {
            if (b.heading() != null) sb.append('*').append(b.heading()).append("*\n\n");
            if (!b.lines().isEmpty()) {
                var rows = Rows.of(b.lines(), tex);
                sb.append("$$\n\\begin{aligned}\n");
                for (int i = 0; i < rows.size(); i++) {
                    var row = rows.get(i);
                    sb.append(row.left()).append(row.left().isEmpty() ? "&" : " &").append(row.right());
                    boolean lastOfLine = i == rows.size() - 1 || rows.get(i + 1).line() != row.line();
                    var line = b.lines().get(row.line());
                    if (lastOfLine && line.failed() != null) sb.append(" && \\text{✗ fails its check: ").append(line.failed().detail()).append('}');
                    else if (lastOfLine && line.justification() != null) sb.append(" && \\text{").append(line.justification()).append('}');
                    sb.append(i < rows.size() - 1 ? " \\\\\n" : "\n");
                }
                sb.append("\\end{aligned}\n$$\n\n");
            }
            if (b.sentence() != null) sb.append(b.sentence()).append(".\n\n");
        }
        if (!d.layers().isEmpty()) table(d.layers(), sb);
        d.notes().forEach(n -> sb.append("*Note: ").append(n).append(".*\n\n"));
        String line = Notes.tally(d.steps());
        if (!d.steps().isEmpty()) sb.append('*').append(Character.toUpperCase(line.charAt(0))).append(line.substring(1)).append(".*\n");
    }

    private static void derivation(Result.Derivation d, StringBuilder sb) {
        header("derive " + d.target(), d.line(), sb);
        steps(d.steps(), sb);
        if (!d.layers().isEmpty()) table(d.layers(), sb);
        if (d.result() instanceof stepwise.ast.Expr.Matrix m && m.height() * m.width() > Steps.LARGEST_PRINTED) {
            sb.append("**Result:** ").append(Steps.result(d.result(), LatexExpr::of)).append("\n\n");
        } else if (d.result() != null) {
            sb.append("**Result:** $").append(LatexExpr.of(d.result())).append("$\n\n");
        }
        d.notes().forEach(n -> sb.append("*Note: ").append(n).append(".*\n\n"));
        sb.append('*').append(Steps.tally(d.steps())).append(".*\n");
    }

    private static void steps(List<Step> all, StringBuilder sb) {
        var tex = LatexExpr.forSteps(all);
        Steps.layOut(all, (part, explained) -> steps(part, explained, tex, sb));
    }

    private static void steps(List<Step> steps, java.util.Set<String> explained, LatexExpr tex, StringBuilder sb) {
        String section = null;
        for (Step s : steps) {
            if (s.section() != null && !s.section().equals(section)) {
                section = s.section();
                sb.append("**").append(section).append("**\n\n");
            }
            sb.append("$$").append(Steps.equation(s, tex::latex, " = ")).append("$$\n\n");
            sb.append("`").append(s.rule()).append('`');
            String why = Justification.texOnce(s, s.rule() + s.justification(), explained);
            if (why != null) sb.append(": ").append(why);
            sb.append(" — ").append(Steps.verdict(s.verification())).append("\n\n");
        }
    }

    private static void table(List<LayerRow> rows, StringBuilder sb) {
        boolean rf = Steps.hasRf(rows), size = Steps.hasSize(rows);
        var head = new ArrayList<>(List.of("layer"));
        if (rf) head.addAll(List.of("RF", "J (stride)", "P (padding)"));
        if (size) head.add("n (length)");
        sb.append("| ").append(String.join(" | ", head)).append(" |\n");
        sb.append("|").append(" --- |".repeat(head.size())).append('\n');
        for (LayerRow r : rows) {
            var cells = new ArrayList<>(List.of(r.name()));
            if (rf) {
                cells.add(math(Steps.rf(r, LatexExpr::of, " \\ldots ")));
                cells.add(math(Steps.perAxis(r.stride(), LatexExpr::of)));
                cells.add(math(Steps.perAxis(r.padding(), LatexExpr::of)));
            }
            if (size) cells.add(math(Steps.perAxis(r.size(), LatexExpr::of)));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        sb.append('\n');
        if (Steps.pairs(rows)) sb.append(Steps.PAIRS).append("\n\n");
    }

    private static String math(String latex) { return "$" + latex + "$"; }

    private static void sweep(Result.Sweep w, boolean full, StringBuilder sb) {
        if (full) header("sweep " + w.statement(), w.line(), sb);
        if (w.params().size() == 2) {
            grid(w, sb);
            return;
        }
        sb.append("| `").append(w.params().get(0)).append("` | value | checked |\n| --- | --- | --- |\n");
        for (var row : w.rows()) {
            sb.append("| ").append(math(LatexExpr.of(row.at().get(0)))).append(" | ").append(math(LatexExpr.of(row.value())))
                    .append(" | ").append(Steps.verdict(row.verification())).append(" |\n");
        }
    }

    /** Two parameters: a row per value of the first, a column (a curve of the plot) per value of the second; the checks under it. */
    private static void grid(Result.Sweep w, StringBuilder sb) {
        var seconds = Sweeps.values(w, 1);
        sb.append("| `").append(w.params().get(0)).append('`');
        for (var b : seconds) sb.append(" | `").append(w.params().get(1)).append(" = ").append(stepwise.ast.Infix.print(b)).append('`');
        sb.append(" |\n|").append(" --- |".repeat(seconds.size() + 1)).append('\n');
        for (var a : Sweeps.values(w, 0)) {
            sb.append("| ").append(math(LatexExpr.of(a)));
            for (var b : seconds) {
                var cell = Sweeps.cell(w, a, b);
                sb.append(" | ").append(cell == null ? "" : math(LatexExpr.of(cell.value())) + Sweeps.mark(cell.verification()));
            }
            sb.append(" |\n");
        }
        String tally = Sweeps.tally(w);
        sb.append("\n*").append(Character.toUpperCase(tally.charAt(0))).append(tally.substring(1)).append(".*\n");
    }

    private static void check(Result.CheckReport c, StringBuilder sb) {
        header("check" + (c.name() == null ? "" : " \"" + c.name() + "\""), c.line(), sb);
        if (c.unreadable() != null) {
            sb.append("*Not checked: ").append(c.unreadable()).append(".*\n");
            return;
        }
        if (!c.lines().isEmpty()) sb.append("$$").append(LatexExpr.of(c.lines().get(0).lhs())).append("$$\n\n");
        for (var line : c.lines()) {
            sb.append("$$").append(line.relation() == stepwise.ast.Statement.Relation.EQ ? "=" : LatexRelations.of(line.relation())).append(' ')
              .append(LatexExpr.of(line.rhs())).append("$$\n\n").append("Line ").append(line.line()).append(": ")
              .append(Verdicts.text(line.verdict()));
            if (line.verdict().status() != stepwise.result.Verdict.Status.HOLDS && line.verdict().reason() != null) sb.append(" — ").append(Verdicts.explain(line.verdict()));
            sb.append("\n\n");
        }
        sb.append('*').append(c.ok() ? "Every line holds or is unknown." : "First error: line " + c.firstError() + ".").append("*\n");
    }

    private static void solution(Result.Solution s, boolean full, StringBuilder sb) {
        if (full) header("solve " + s.target() + " " + s.relation().symbol + " " + stepwise.ast.Infix.print(s.bound()) + " for " + s.param(), s.line(), sb);
        steps(s.steps(), sb);
        if (s.value() != null) sb.append("**Result:** `").append(s.param()).append("` = ").append(math(LatexExpr.of(s.value()))).append('\n');
        else sb.append("**No solution:** ").append(s.reason()).append('\n');
    }
}
