package stepwise.print;

import java.util.List;
import stepwise.Report;
import stepwise.plot.Pgfplots;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;

/**
 * LaTeX for lecture notes: one {@code align*} per chain, long lines broken at a relation or a
 * top-level {@code +}, the justification in words at the right margin; sweeps as pgfplots plots.
 * With {@code standalone}, a whole document that pdflatex compiles. {@link Style#FULL} adds each
 * step's rule id and its verification mark.
 */
public final class LatexPrinter implements Printer {
    private final boolean standalone;
    private final Style style;

    public LatexPrinter(boolean standalone) { this(standalone, Style.NOTES); }

    public LatexPrinter(boolean standalone, Style style) {
        this.standalone = standalone;
        this.style = style;
    }

    @Override public String print(Report report) {
        var sb = new StringBuilder();
        if (standalone) preamble(report, sb);
        var results = report.results();
        boolean kept = false;
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            // A derivation or a sweep (its table and plot), with the prose (and a title) that introduces it, is kept on one page where it fits.
            boolean opens = standalone && !kept && introduces(results, i);
            if (opens) sb.append("\\begin{derivation}\n");
            kept |= opens;
            if (r instanceof Result.Title t) {
                sb.append(standalone ? "\\section*{" + LatexText.escape(t.text()) + "}\n\n" : "% " + t.text() + "\n\n");
            } else if (r instanceof Result.Prose p) {
                // Prose is words with $inline$ math: the words are escaped, the math kept.
                sb.append(Justification.toLatex(p.text())).append("\n\n");
            } else if (r instanceof Result.Derivation d) {
                derivation(d, sb);
                if (kept) sb.append("\\end{derivation}\n\n");
                kept = false;
            } else if (r instanceof Result.Sweep w) {
                sweep(w, sb);
                if (kept) sb.append("\\end{derivation}\n\n");
                kept = false;
            } else if (r instanceof Result.Solution s) {
                solution(s, sb);
            } else if (r instanceof Result.CheckReport c) {
                check(c, sb);
            }
        }
        if (standalone) sb.append("\\end{document}\n");
        return sb.toString();
    }

    /**
     * The {@code derivation} environment: its contents are set in a box first, and the least height
     * they shrink to is found (halving, the display skips at their shrink as a page would set them);
     * when that is less than a page they start on a new page unless they fit on this one, so a
     * derivation of less than a page never runs over a page break; a longer one is set as it comes,
     * but not from the page's last lines. Page breaks inside stay where they would be
     * ({@code \\unvbox} keeps them); the depth of the line before and of the last line inside is
     * carried across the box, so the spacing is the usual one.
     */
    static final String KEPT_TOGETHER = """
            \\usepackage{needspace}
            \\newsavebox{\\derivationbox}
            \\newdimen\\derivationdepth \\newdimen\\derivationlow \\newdimen\\derivationhigh
            \\newenvironment{derivation}{\\par\\global\\derivationdepth=\\prevdepth
              \\setbox\\derivationbox\\vbox\\bgroup\\prevdepth=\\derivationdepth\\kern0pt}{\\par
              \\global\\derivationdepth=\\prevdepth\\egroup
              \\derivationlow=0pt \\derivationhigh=\\dimexpr\\ht\\derivationbox+\\dp\\derivationbox\\relax
              {\\vfuzz=\\maxdimen \\vbadness=10000
               \\loop\\ifdim\\dimexpr\\derivationhigh-\\derivationlow\\relax>1pt
                 \\setbox0\\vbox to \\dimexpr(\\derivationlow+\\derivationhigh)/2\\relax{\\unvcopy\\derivationbox}%
                 \\ifnum\\badness>10000 \\global\\derivationlow=\\ht0 \\else\\global\\derivationhigh=\\ht0 \\fi
               \\repeat}%
              \\ifdim\\derivationhigh<\\textheight\\needspace{\\derivationhigh}\\else\\needspace{10\\baselineskip}\\fi
              \\unvbox\\derivationbox\\prevdepth=\\derivationdepth}
            """;

    /** Result i is kept together, or a title or prose that only titles or prose separate from the next one that is. */
    private static boolean introduces(List<Result> results, int i) {
        for (int j = i; j < results.size(); j++) {
            Result r = results.get(j);
            if (keptTogether(r)) return true;
            if (!(r instanceof Result.Title || r instanceof Result.Prose)) return false;
        }
        return false;
    }

    private static boolean keptTogether(Result r) { return r instanceof Result.Derivation || r instanceof Result.Sweep; }

    private static void preamble(Report report, StringBuilder sb) {
        sb.append("\\documentclass[11pt]{article}\n")
          .append("\\usepackage[margin=2cm]{geometry}\n")
          .append("\\usepackage{amsmath,amssymb,pifont}\n");
        if (report.results().stream().anyMatch(r -> r instanceof Result.Sweep)) sb.append(Pgfplots.PREAMBLE);
        if (report.results().stream().anyMatch(LatexPrinter::keptTogether)) sb.append(KEPT_TOGETHER);
        sb.append("\\allowdisplaybreaks\n")
          .append("\\setlength{\\parindent}{0pt}\n")
          .append("\\setlength{\\parskip}{4pt}\n")
          .append("\\begin{document}\n\n");
    }

    private void heading(String words, String command, int line, StringBuilder sb) {
        if (standalone) sb.append("\\subsection*{").append(Justification.toLatex(words)).append("}\n");
        else sb.append("% ").append(words).append("  (").append(command).append(", line ").append(line).append(")\n");
    }

    private void derivation(Result.Derivation d, StringBuilder sb) {
        heading(Headings.derivation(d.target()), "derive " + d.target(), d.line(), sb);
        blocks(style == Style.NOTES ? Notes.of(d.steps()) : Notes.full(d.steps()), LatexExpr.forSteps(d.steps()), sb);
        if (!d.layers().isEmpty()) table(d.layers(), sb);
        for (String n : d.notes()) sb.append(standalone ? "\\textit{Note: " + Justification.toLatex(n) + ".}\n\n" : "% note: " + n + "\n");
        tally(d.steps(), sb);
    }

    private void tally(List<Step> steps, StringBuilder sb) {
        if (steps.isEmpty()) return;
        String line = style == Style.NOTES ? Notes.tally(steps) : Steps.tally(steps);
        String text = Justification.toLatex(Character.toUpperCase(line.charAt(0)) + line.substring(1)).replace("✗", "\\ding{55}");
        if (standalone) sb.append("{\\small ").append(text).append(".}\\par\\medskip\n\n");
        else sb.append("% ").append(line).append("\n\n");
    }

    private void blocks(List<Notes.Block> blocks, LatexExpr tex, StringBuilder sb) {
        for (var b : blocks) {
            if (b.heading() != null && standalone) sb.append("\\textit{").append(Justification.toLatex(b.heading())).append("}\n");
            if (!b.lines().isEmpty()) {
                var rows = Rows.of(b.lines(), tex);
                sb.append("\\begin{align*}\n");
                for (int i = 0; i < rows.size(); i++) {
                    var row = rows.get(i);
                    sb.append(row.left()).append(row.left().isEmpty() ? "&" : " &").append(row.right());
                    boolean lastOfLine = i == rows.size() - 1 || rows.get(i + 1).line() != row.line();
                    if (lastOfLine) sb.append(tag(b.lines().get(row.line())));
                    sb.append(i < rows.size() - 1 ? " \\\\\n" : "\n");
                }
                sb.append("\\end{align*}\n");
            }
            if (b.sentence() != null) sb.append(Justification.toLatex(b.sentence())).append(".\n");
        }
        sb.append('\n');
    }

    /** The note at the right margin: the reason in words; in the full record also the mark and the rule. */
    private String tag(Notes.Line l) {
        var sb = new StringBuilder();
        if (style == Style.FULL && l.step() != null) {
            sb.append(mark(l.step().verification()));
            if (l.justification() != null) sb.append(Justification.toLatex(l.justification())).append(" ");
            sb.append("(\\texttt{").append(LatexText.escape(l.step().rule())).append("})");
        } else {
            if (l.failed() != null) sb.append("\\ding{55}\\ \\textbf{fails its check: ").append(LatexText.escape(l.failed().detail())).append("}");
            else if (l.justification() != null) sb.append(Justification.toLatex(l.justification()));
        }
        if (sb.isEmpty()) return "";
        return " \\tag*{\\small " + sb + "}";
    }

    private static String mark(Verification v) {
        if (v == null) return "";
        return switch (v.status()) {
            case VERIFIED -> "$\\checkmark$\\ ";
            case FAILED -> "\\ding{55}\\ \\textbf{FAILED: " + LatexText.escape(v.detail()) + "}\\ ";
            case UNKNOWN -> "(unchecked)\\ ";
        };
    }

    private void table(List<LayerRow> rows, StringBuilder sb) {
        boolean rf = Steps.hasRf(rows), size = Steps.hasSize(rows);
        int cols = 1 + (rf ? 3 : 0) + (size ? 1 : 0);
        sb.append("\\begin{center}\n\\begin{tabular}{l").append("r".repeat(cols - 1)).append("}\n");
        sb.append("layer");
        if (rf) sb.append(" & $\\mathrm{RF}$ & $J$ & $P$");
        if (size) sb.append(" & $n$");
        sb.append(" \\\\ \\hline\n");
        for (LayerRow r : rows) {
            sb.append(LatexText.escape(r.name()));
            if (rf) {
                sb.append(" & $").append(Steps.rf(r, LatexExpr::of, " \\ldots ")).append("$ & $")
                  .append(Steps.perAxis(r.stride(), LatexExpr::of)).append("$ & $").append(Steps.perAxis(r.padding(), LatexExpr::of)).append('$');
            }
            if (size) sb.append(" & $").append(Steps.perAxis(r.size(), LatexExpr::of)).append('$');
            sb.append(" \\\\\n");
        }
        sb.append("\\end{tabular}\n");
        if (Steps.pairs(rows)) sb.append("\\\\[2pt] {\\small ").append(Steps.PAIRS).append("}\n");
        sb.append("\\end{center}\n\n");
    }

    private void sweep(Result.Sweep w, StringBuilder sb) {
        heading(Headings.sweep(w.target(), w.paramsText()), "sweep " + w.statement(), w.line(), sb);
        if (w.params().size() == 2) grid(w, sb);
        else column(w, sb);
        var plot = Sweeps.plot(w);
        if (plot != null) sb.append(Pgfplots.render(plot)).append('\n');
        if (standalone) {
            String line = Sweeps.tally(w);
            sb.append("{\\small ").append(Character.toUpperCase(line.charAt(0))).append(line.substring(1)).append(".}\\par\\medskip\n\n");
        }
    }

    /** One parameter: a row per value. */
    private static void column(Result.Sweep w, StringBuilder sb) {
        sb.append("\\begin{center}\n\\begin{tabular}{rr}\n$").append(Headings.param(w.params().get(0))).append("$ & ")
          .append(Sweeps.valueName(w.target())).append(" \\\\ \\hline\n");
        for (var row : w.rows()) {
            sb.append('$').append(LatexExpr.of(row.at().get(0))).append("$ & $").append(LatexExpr.of(row.value())).append('$')
              .append(valueMark(row.verification())).append(" \\\\\n");
        }
        sb.append("\\end{tabular}\n\\end{center}\n\n");
    }

    /**
     * Two parameters: a row per value of the first, a column per value of the second (each column a
     * curve of the plot under it, named as its legend names it).
     */
    private static void grid(Result.Sweep w, StringBuilder sb) {
        var seconds = Sweeps.values(w, 1);
        String second = Headings.param(w.params().get(1));
        // Rows with fractions (a KL's values) a little apart, so that fractions in neighbouring rows do not touch.
        boolean fractions = w.rows().stream().anyMatch(r -> LatexExpr.of(r.value()).contains("\\frac") || LatexExpr.of(r.at().get(0)).contains("\\frac"));
        sb.append("\\begin{center}\n").append(fractions ? "\\renewcommand{\\arraystretch}{1.4}\n" : "").append("\\begin{tabular}{r").append("r".repeat(seconds.size())).append("}\n & \\multicolumn{")
          .append(seconds.size()).append("}{c}{").append(Sweeps.valueName(w.target())).append("} \\\\\n$")
          .append(Headings.param(w.params().get(0))).append('$');
        for (var b : seconds) sb.append(" & $").append(second).append(" = ").append(LatexExpr.of(b)).append('$');
        sb.append(" \\\\ \\hline\n");
        for (var a : Sweeps.values(w, 0)) {
            sb.append('$').append(LatexExpr.of(a)).append('$');
            for (var b : seconds) {
                var cell = Sweeps.cell(w, a, b);
                sb.append(" & ");
                if (cell != null) sb.append('$').append(LatexExpr.of(cell.value())).append('$').append(valueMark(cell.verification()));
            }
            sb.append(" \\\\\n");
        }
        sb.append("\\end{tabular}\n\\end{center}\n\n");
    }

    /** A failed value is marked with a cross, one that could not be checked with a question mark; a verified one is plain. */
    private static String valueMark(Verification v) {
        if (v != null && v.status() == Verification.Status.FAILED) return " \\ding{55}";
        return v == null || v.status() == Verification.Status.UNKNOWN ? " ?" : "";
    }

    private void check(Result.CheckReport c, StringBuilder sb) {
        heading(c.name() == null || c.name().isEmpty() ? "A hand derivation, checked" : "Checked: " + c.name(),
                "check " + (c.name() == null ? "" : c.name()), c.line(), sb);
        if (c.unreadable() != null) {
            sb.append("Not checked: ").append(LatexText.escape(c.unreadable())).append(".\n\n");
            return;
        }
        var rows = new java.util.ArrayList<String>();
        for (int i = 0; i < c.lines().size(); i++) {
            var line = c.lines().get(i);
            String lhs = i == 0 ? LatexExpr.of(line.lhs()) : "";
            String rhs = LatexExpr.of(line.rhs());
            String rel = LatexRelations.of(line.relation());
            var v = line.verdict();
            String mark = switch (v.status()) {
                case HOLDS -> "$\\checkmark$ holds" + (style == Style.FULL ? " (" + v.method() + ")" : "");
                case FAILS -> "\\ding{55}\\ \\textbf{fails}: " + LatexText.escape(Verdicts.explain(v));
                case UNKNOWN -> "unknown: " + LatexText.escape(v.reason());
            };
            double w = LatexWidth.of(lhs) + LatexWidth.of(rhs) + 15;
            if (i == 0 && w > Rows.BUDGET && !lhs.isEmpty()) {
                rows.add("& " + lhs);
                lhs = "";
            }
            rows.add(lhs + " &" + rel + " " + rhs + " \\tag*{\\small " + mark + "}");
        }
        sb.append("\\begin{align*}\n").append(String.join(" \\\\\n", rows)).append("\n\\end{align*}\n\n");
    }

    private void solution(Result.Solution s, StringBuilder sb) {
        String bound = stepwise.ast.Infix.print(s.bound());
        heading(Headings.solve(s.target(), LatexRelations.of(s.relation()), bound, s.param()),
                "solve " + s.target() + " " + s.relation().symbol + " " + bound + " for " + s.param(), s.line(), sb);
        if (s.value() == null) {
            // No solution: the affine form that shows why, and the reason in words; no chain claims a value.
            var steps = s.steps().stream().filter(st -> !st.section().equals("solution")).toList();
            blocks(style == Style.NOTES ? Notes.of(steps) : Notes.full(steps), LatexExpr.forSteps(steps), sb);
            // Said in the text, not a comment, in a fragment too: it is the answer.
            sb.append("\\textbf{No solution}: " + Justification.toLatex(Sweeps.mathRelations(s.reason())) + ".\n\n");
            tally(steps, sb);
            return;
        }
        blocks(style == Style.NOTES ? Notes.of(s.steps()) : Notes.full(s.steps()), LatexExpr.forSteps(s.steps()), sb);
        tally(s.steps(), sb);
    }
}
