package stepwise.print;

import java.util.List;
import stepwise.Report;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;

/**
 * LaTeX for lecture notes: one {@code align*} block per derivation, each step's justification in
 * {@code \text{...}}; with {@code standalone}, a whole document that pdflatex compiles.
 */
public final class LatexPrinter implements Printer {
    private final boolean standalone;

    public LatexPrinter(boolean standalone) { this.standalone = standalone; }

    @Override public String print(Report report) {
        var sb = new StringBuilder();
        if (standalone) preamble(report, sb);
        for (Result r : report.results()) {
            if (r instanceof Result.Title t) {
                sb.append(standalone ? "\\section*{" + LatexText.escape(t.text()) + "}\n\n" : "% " + t.text() + "\n\n");
            } else if (r instanceof Result.Prose p) {
                // Prose is the author's own LaTeX-ready text, $inline$ math included.
                sb.append(p.text()).append("\n\n");
            } else if (r instanceof Result.Derivation d) {
                derivation(d, sb);
            } else if (r instanceof Result.Sweep w) {
                sweep(w, sb);
            } else if (r instanceof Result.Solution s) {
                solution(s, sb);
            } else if (r instanceof Result.CheckReport c) {
                check(c, sb);
            }
        }
        if (standalone) sb.append("\\end{document}\n");
        return sb.toString();
    }

    private static void preamble(Report report, StringBuilder sb) {
        sb.append("\\documentclass[11pt]{article}\n")
          .append("\\usepackage[margin=2cm]{geometry}\n")
          .append("\\usepackage{amsmath,amssymb}\n")
          .append("\\allowdisplaybreaks\n")
          .append("\\begin{document}\n\n");
    }

    private void heading(String kind, String target, int line, StringBuilder sb) {
        if (standalone) {
            sb.append("\\subsection*{").append(kind).append(" \\texttt{").append(LatexText.escape(target)).append("}}\n");
        } else {
            sb.append("% ").append(kind).append(' ').append(target).append("  (line ").append(line).append(")\n");
        }
    }

    private void derivation(Result.Derivation d, StringBuilder sb) {
        heading("derive", d.target(), d.line(), sb);
        align(d.steps(), sb);
        if (!d.layers().isEmpty()) table(d.layers(), sb);
        for (String n : d.notes()) sb.append(standalone ? "\\noindent\\textit{Note: " + LatexText.escape(n) + ".}\n\n" : "% note: " + n + "\n");
        if (standalone) sb.append("\\noindent ").append(LatexText.escape(Steps.tally(d.steps()))).append(".\\par\\bigskip\n\n");
    }

    private static void align(List<Step> all, StringBuilder sb) {
        Steps.layOut(all, (part, explained) -> align(part, explained, sb),
                summary -> sb.append("\\noindent\\ldots\\ ").append(LatexText.escape(summary)).append(".\n\n"));
    }

    /** One align* per section, so that a wide line in one section does not push the others off the page. */
    private static void align(List<Step> steps, java.util.Set<String> explained, StringBuilder sb) {
        int start = 0;
        while (start < steps.size()) {
            int end = start;
            while (end < steps.size() && java.util.Objects.equals(steps.get(end).section(), steps.get(start).section())) end++;
            if (steps.get(start).section() != null) sb.append("\\paragraph{").append(LatexText.escape(steps.get(start).section())).append("}\n");
            sb.append("\\begin{align*}\n");
            for (int i = start; i < end; i++) {
                sb.append(line(steps.get(i), explained.add(steps.get(i).rule() + steps.get(i).justification())));
                sb.append(i < end - 1 ? " \\\\\n" : "\n");
            }
            sb.append("\\end{align*}\n");
            start = end;
        }
        sb.append('\n');
    }

    private static String line(Step s, boolean explain) {
        var sb = new StringBuilder();
        var chain = s.chain();
        if (s.subject() != null) {
            sb.append(LatexExpr.of(s.subject())).append(" &= ");
            for (int i = 0; i < chain.size(); i++) sb.append(i > 0 ? " = " : "").append(LatexExpr.of(chain.get(i)));
        } else if (isMatrixSum(chain.get(0)) || wide(chain)) {
            // A sum of matrices is too wide to share a line with its value: each link gets its own line.
            sb.append("& ").append(LatexExpr.of(chain.get(0)));
            for (int i = 1; i < chain.size(); i++) sb.append(" \\\\\n&= ").append(LatexExpr.of(chain.get(i)));
        } else {
            sb.append(LatexExpr.of(chain.get(0))).append(" &");
            for (int i = 1; i < chain.size(); i++) sb.append(i > 1 ? " " : "").append("= ").append(LatexExpr.of(chain.get(i)));
        }
        // A tag sits at the right margin and drops below its equation when the line is full.
        sb.append(" \\tag*{").append(mark(s.verification())).append("\\text{\\small ");
        if (explain) sb.append(Justification.toLatex(s.justification())).append(" (\\texttt{").append(LatexText.escape(s.rule())).append("})");
        else sb.append("\\texttt{").append(LatexText.escape(s.rule())).append('}');
        sb.append("}}");
        return sb.toString();
    }

    /** Lines whose LaTeX is this long would run past the margin: each link goes on its own line. */
    private static final int WIDE = 150;

    private static boolean wide(List<stepwise.ast.Expr> chain) {
        return chain.size() > 1 && chain.stream().mapToInt(e -> LatexExpr.of(e).length()).sum() > WIDE;
    }

    private static boolean isMatrixSum(stepwise.ast.Expr e) {
        return e instanceof stepwise.ast.Expr.Add a && a.terms().get(0) instanceof stepwise.ast.Expr.Matrix;
    }

    private static String mark(Verification v) {
        if (v == null) return "";
        return switch (v.status()) {
            case VERIFIED -> "$\\checkmark$\\ ";
            case FAILED -> "\\textbf{FAILED: " + LatexText.escape(v.detail()) + "}\\ ";
            case UNKNOWN -> "(unchecked)\\ ";
        };
    }

    private static void table(List<LayerRow> rows, StringBuilder sb) {
        boolean rf = Steps.hasRf(rows), size = Steps.hasSize(rows);
        int cols = 1 + (rf ? 3 : 0) + (size ? 1 : 0);
        sb.append("\\begin{center}\n\\begin{tabular}{l").append("r".repeat(cols - 1)).append("}\n");
        sb.append("layer");
        if (rf) sb.append(" & $\\mathrm{RF}$ & $J$ & $P$");
        if (size) sb.append(" & $n$");
        sb.append(" \\\\ \\hline\n");
        var shown = Steps.shownRows(rows);
        var listed = new java.util.ArrayList<>(shown.head());
        listed.addAll(shown.tail());
        for (LayerRow r : listed) {
            if (!shown.tail().isEmpty() && r == shown.tail().get(0)) {
                sb.append("\\multicolumn{").append(cols).append("}{c}{\\ldots\\ ").append(shown.omitted()).append(" more layers \\ldots} \\\\\n");
            }
            sb.append(LatexText.escape(r.name()));
            if (rf) {
                sb.append(" & $").append(Steps.rf(r, LatexExpr::of, " \\ldots ")).append("$ & $")
                  .append(Steps.perAxis(r.stride(), LatexExpr::of)).append("$ & $").append(Steps.perAxis(r.padding(), LatexExpr::of)).append('$');
            }
            if (size) sb.append(" & $").append(Steps.perAxis(r.size(), LatexExpr::of)).append('$');
            sb.append(" \\\\\n");
        }
        sb.append("\\end{tabular}\n\\end{center}\n\n");
    }

    private void sweep(Result.Sweep w, StringBuilder sb) {
        heading("sweep", w.target() + " over " + w.param(), w.line(), sb);
        sb.append("\\begin{center}\n\\begin{tabular}{rr}\n\\texttt{").append(LatexText.escape(w.param())).append("} & value \\\\ \\hline\n");
        for (var row : w.rows()) {
            sb.append('$').append(LatexExpr.of(row.param())).append("$ & $").append(LatexExpr.of(row.value())).append("$ \\\\\n");
        }
        sb.append("\\end{tabular}\n\\end{center}\n\n");
    }

    private void check(Result.CheckReport c, StringBuilder sb) {
        heading("check", c.name() == null ? "" : c.name(), c.line(), sb);
        if (c.unreadable() != null) {
            sb.append("Not checked: ").append(LatexText.escape(c.unreadable())).append(".\n\n");
            return;
        }
        sb.append("\\begin{align*}\n");
        for (int i = 0; i < c.lines().size(); i++) {
            var line = c.lines().get(i);
            if (i == 0) sb.append(LatexExpr.of(line.lhs()));
            sb.append(" &").append(LatexRelations.of(line.relation())).append(' ').append(LatexExpr.of(line.rhs()));
            var v = line.verdict();
            String mark = switch (v.status()) {
                case HOLDS -> "$\\checkmark$ holds (" + v.method() + ")";
                case FAILS -> "\\textbf{fails}: " + LatexText.escape(Verdicts.explain(v));
                case UNKNOWN -> "unknown: " + LatexText.escape(v.reason());
            };
            sb.append(" \\tag*{\\text{\\small ").append(mark).append("}}");
            sb.append(i < c.lines().size() - 1 ? " \\\\\n" : "\n");
        }
        sb.append("\\end{align*}\n\n");
    }

    private void solution(Result.Solution s, StringBuilder sb) {
        heading("solve", s.target() + " " + s.relation().symbol + " " + stepwise.ast.Infix.print(s.bound()) + " for " + s.param(), s.line(), sb);
        align(s.steps(), sb);
        if (s.value() == null && standalone) sb.append("No solution: ").append(LatexText.escape(s.reason())).append("\n\n");
    }
}
