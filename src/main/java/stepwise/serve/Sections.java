package stepwise.serve;

import java.util.List;
import stepwise.Report;
import stepwise.ast.Expr;
import stepwise.ast.Infix;
import stepwise.print.LatexPrinter;
import stepwise.print.Steps;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verdict;
import stepwise.result.Verification;

/**
 * One result as a page section: the LaTeX printer's notes for it, as HTML, and a verification line
 * in words. The page and the notes a lecturer pastes come from the same printer.
 */
final class Sections {
    private Sections() {}

    private static final LatexPrinter NOTES = new LatexPrinter(false);

    static Section of(int statement, Result r, List<Knob> knobs) {
        String html = LatexHtml.convert(NOTES.print(new Report("page", List.of(r))));
        if (r instanceof Result.Title t) return new Section(statement, "title", 0, t.text(), "", "none", "", null, List.of());
        if (r instanceof Result.Prose) return new Section(statement, "prose", 0, "", html, "none", "", null, List.of());
        if (r instanceof Result.Derivation d) {
            String value = d.result() == null || d.result() instanceof Expr.Matrix ? null : Infix.print(d.result());
            return new Section(statement, "derive", d.line(), "derive " + d.target(), html, status(d.steps()), Steps.tally(d.steps()), value, knobs);
        }
        if (r instanceof Result.Sweep w) {
            long failed = w.rows().stream().filter(x -> x.verification().status() == Verification.Status.FAILED).count();
            long verified = w.rows().stream().filter(x -> x.verification().ok()).count();
            String line = verified + " of " + w.rows().size() + " rows verified" + (failed > 0 ? ", " + failed + " FAILED" : "");
            return new Section(statement, "sweep", w.line(), "sweep " + w.statement(), html,
                    failed > 0 ? "failed" : verified == w.rows().size() ? "ok" : "unknown", line, null, knobs);
        }
        if (r instanceof Result.Solution s) {
            String heading = "solve " + s.target() + " " + s.relation().symbol + " " + Infix.print(s.bound()) + " for " + s.param();
            String value = s.value() == null ? null : Infix.print(s.value());
            String line = Steps.tally(s.steps()) + (s.value() == null ? "; no solution: " + s.reason() : "");
            return new Section(statement, "solve", s.line(), heading, html, status(s.steps()), line, value, knobs);
        }
        var c = (Result.CheckReport) r;
        return new Section(statement, "check", c.line(), "check " + (c.name() == null ? "" : "\"" + c.name() + "\""), html,
                checkStatus(c), checkLine(c), null, List.of());
    }

    static String status(List<Step> steps) {
        if (Steps.count(steps, Verification.Status.FAILED) > 0) return "failed";
        return Steps.count(steps, Verification.Status.UNKNOWN) > 0 ? "unknown" : "ok";
    }

    private static String checkStatus(Result.CheckReport c) {
        if (c.unreadable() != null) return "unknown";
        if (c.firstError() != null) return "failed";
        return c.lines().stream().anyMatch(l -> l.verdict().status() == Verdict.Status.UNKNOWN) ? "unknown" : "ok";
    }

    private static String checkLine(Result.CheckReport c) {
        if (c.unreadable() != null) return "not checked: " + c.unreadable();
        if (c.firstError() != null) return "the first wrong line is line " + c.firstError();
        long unknown = c.lines().stream().filter(l -> l.verdict().status() == Verdict.Status.UNKNOWN).count();
        return unknown == 0 ? "every line holds" : unknown + " of " + c.lines().size() + " lines unknown, none fails";
    }
}
