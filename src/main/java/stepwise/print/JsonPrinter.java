package stepwise.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import stepwise.Report;
import stepwise.ast.Infix;
import stepwise.result.LayerRow;
import stepwise.result.Result;
import stepwise.result.Step;
import stepwise.result.Verification;

/** The JSON of the SPEC: one object per file; every expression an infix string in the input syntax. */
public final class JsonPrinter implements Printer {

    @Override public String print(Report report) {
        var out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", report.file());
            writeOk(g, report.ok(), report.results().stream().allMatch(r -> !(r instanceof Result.CheckReport c) || c.judged()));
            for (Result r : report.results()) if (r instanceof Result.Title t) g.writeStringField("title", t.text());
            g.writeArrayFieldStart("results");
            for (Result r : report.results()) result(r, g);
            g.writeEndArray();
            if (!report.errors().isEmpty()) errors(report.errors(), g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** The statements that could not run: where, and why. */
    private static void errors(List<stepwise.diag.Diagnostic> errors, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("errors");
        for (var e : errors) {
            g.writeStartObject();
            g.writeNumberField("line", e.span().line());
            g.writeNumberField("column", e.span().column());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void result(Result r, JsonGenerator g) throws IOException {
        if (r instanceof Result.Derivation d) derivation(d, g);
        else if (r instanceof Result.Sweep w) sweep(w, g);
        else if (r instanceof Result.Solution s) solution(s, g);
        else if (r instanceof Result.CheckReport c) check(c, g);
    }

    /** false when something failed; null when nothing failed but something was not judged (unknown, unread); else true. */
    private static void writeOk(JsonGenerator g, boolean ok, boolean judged) throws IOException {
        if (ok && !judged) g.writeNullField("ok");
        else g.writeBooleanField("ok", ok);
    }

    /** The SPEC's check object: name, ok, lines (line, ok as true/false/null, method, reason, counterexample), first_error. */
    private static void check(Result.CheckReport c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "check");
        if (c.name() != null) g.writeStringField("name", c.name()); else g.writeNullField("name");
        g.writeNumberField("line", c.line());
        writeOk(g, c.ok(), c.judged());
        if (c.unreadable() != null) g.writeStringField("reason", "not checked: " + c.unreadable());
        g.writeArrayFieldStart("lines");
        for (var line : c.lines()) {
            var v = line.verdict();
            g.writeStartObject();
            g.writeNumberField("line", line.line());
            g.writeStringField("relation", line.relation().symbol);
            g.writeStringField("lhs", Infix.print(line.lhs()));
            g.writeStringField("rhs", Infix.print(line.rhs()));
            if (v.status() == stepwise.result.Verdict.Status.UNKNOWN) g.writeNullField("ok");
            else g.writeBooleanField("ok", v.status() == stepwise.result.Verdict.Status.HOLDS);
            g.writeStringField("method", v.method());
            if (v.reason() != null) g.writeStringField("reason", v.reason());
            if (line.note() != null) g.writeStringField("note", line.note());
            if (line.difference() != null) g.writeStringField("difference", line.difference());
            if (line.slip() != null) g.writeStringField("slip", line.slip());
            if (v.status() == stepwise.result.Verdict.Status.FAILS && v.counterexample() != null) {
                g.writeObjectFieldStart("counterexample");
                g.writeObjectFieldStart("at");
                for (var e : v.counterexample().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
                g.writeStringField("lhs", v.lhsValue());
                g.writeStringField("rhs", v.rhsValue());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.firstError() == null) g.writeNullField("first_error"); else g.writeNumberField("first_error", c.firstError());
        g.writeEndObject();
    }

    private static void derivation(Result.Derivation d, JsonGenerator g) throws IOException {
        header("derive", d.target(), d.line(), g);
        steps(d.steps(), g);
        if (!d.layers().isEmpty()) layers(d.layers(), g);
        if (d.result() instanceof stepwise.ast.Expr.Matrix m) {
            g.writeArrayFieldStart("matrix");
            for (var row : m.rows()) {
                g.writeStartArray();
                for (var entry : row) g.writeString(Infix.print(entry));
                g.writeEndArray();
            }
            g.writeEndArray();
        } else if (d.result() != null) {
            g.writeStringField("result", Infix.print(d.result()));
        }
        if (!d.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : d.notes()) g.writeString(n);
            g.writeEndArray();
        }
        g.writeBooleanField("verified", allVerified(d.steps()));
        g.writeEndObject();
    }

    /** Opens a result object with the fields every result has. */
    private static void header(String kind, String target, int line, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", kind);
        g.writeStringField("target", target);
        g.writeNumberField("line", line);
    }

    static boolean allVerified(List<Step> steps) { return steps.stream().allMatch(s -> s.verification() != null && s.verification().ok()); }

    private static void steps(List<Step> steps, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("steps");
        var tex = LatexExpr.forSteps(steps);
        for (Step s : steps) {
            g.writeStartObject();
            g.writeStringField("rule", s.rule());
            if (s.section() != null) g.writeStringField("section", s.section());
            g.writeStringField("text", Steps.equation(s, Infix::print, " = "));
            g.writeStringField("latex", Steps.equation(s, tex::latex, " = "));
            g.writeStringField("justification", Justification.tex(s));
            if (s.condition() != null) {
                var c = s.condition();
                g.writeStringField("condition", Infix.print(c.left()) + " " + c.relation().symbol + " " + Infix.print(c.right()));
            }
            verified(s.verification(), g);
            verification(s.verification(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void verified(Verification v, JsonGenerator g) throws IOException {
        if (v == null || v.status() == Verification.Status.UNKNOWN) g.writeNullField("verified");
        else g.writeBooleanField("verified", v.ok());
    }

    private static void verification(Verification v, JsonGenerator g) throws IOException {
        if (v == null) return;
        g.writeObjectFieldStart("verification");
        g.writeStringField("status", v.status().name().toLowerCase());
        g.writeStringField("method", v.method());
        g.writeStringField("detail", v.detail());
        if (!v.points().isEmpty()) {
            g.writeArrayFieldStart("points");
            for (Map<String, String> p : v.points()) {
                g.writeStartObject();
                for (var e : p.entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void layers(List<LayerRow> rows, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("layers");
        for (LayerRow r : rows) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            if (!r.rf().isEmpty()) {
                g.writeStringField("rf", Steps.rf(r, Infix::print, ".."));
                g.writeStringField("stride", Steps.perAxis(r.stride(), Infix::print));
                g.writeStringField("padding", Steps.perAxis(r.padding(), Infix::print));
            }
            if (r.aligned() != null) {
                g.writeBooleanField("aligned", r.aligned());
                if (r.reason() != null) g.writeStringField("reason", r.reason());
            }
            if (!r.size().isEmpty()) g.writeStringField("size", Steps.perAxis(r.size(), Infix::print));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void sweep(Result.Sweep w, JsonGenerator g) throws IOException {
        header("sweep", w.target(), w.line(), g);
        if (w.params().size() == 1) g.writeStringField("param", w.params().get(0));
        g.writeArrayFieldStart("params");
        for (String p : w.params()) g.writeString(p);
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (var row : w.rows()) {
            g.writeStartObject();
            for (int i = 0; i < w.params().size(); i++) g.writeStringField(w.params().get(i), Infix.print(row.at().get(i)));
            g.writeStringField("value", Infix.print(row.value()));
            verified(row.verification(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("verified", w.rows().stream().allMatch(r -> r.verification().ok()));
        g.writeEndObject();
    }

    private static void solution(Result.Solution s, JsonGenerator g) throws IOException {
        header("solve", s.target(), s.line(), g);
        g.writeStringField("param", s.param());
        g.writeStringField("relation", s.relation().symbol);
        g.writeStringField("bound", Infix.print(s.bound()));
        if (s.value() != null) g.writeStringField("value", Infix.print(s.value()));
        else g.writeNullField("value");
        if (s.reason() != null) g.writeStringField("reason", s.reason());
        steps(s.steps(), g);
        g.writeBooleanField("verified", allVerified(s.steps()));
        g.writeEndObject();
    }
}
