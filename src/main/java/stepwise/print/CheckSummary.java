package stepwise.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import stepwise.handcheck.Batch;
import stepwise.handcheck.Tally;

/** A batch of checked files: each file's verdicts and a summary table, or one JSON object holding them all. */
public final class CheckSummary {
    private CheckSummary() {}

    public static String text(List<Batch.Outcome> outcomes) {
        var sb = new StringBuilder();
        for (var o : outcomes) {
            if (o.report() == null || o.report().results().isEmpty()) continue;
            sb.append("== ").append(o.file()).append(" ==\n");
            sb.append(new TextPrinter().print(o.report()));
            sb.append(o.file()).append(": ").append(o.tally().words()).append("\n\n");
        }
        sb.append(table(outcomes));
        return sb.toString();
    }

    /** file, holds, fails, unknown, not read, first error; a last row of totals. */
    static String table(List<Batch.Outcome> outcomes) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("file", "holds", "fails", "unknown", "not read", "first error"));
        Tally total = Tally.NONE;
        int files = 0, failing = 0;
        for (var o : outcomes) {
            files++;
            if (o.report() == null) {
                rows.add(List.of(o.file().toString(), "-", "-", "-", "-", "bad input: " + o.error().getMessage()));
                failing++;
                continue;
            }
            Tally t = o.tally();
            if (o.report().results().isEmpty()) {
                rows.add(List.of(o.file().toString(), "-", "-", "-", "-", "nothing to check"));
                continue;
            }
            total = total.plus(t);
            if (t.fails() > 0) failing++;
            rows.add(List.of(o.file().toString(), "" + t.holds(), "" + t.fails(), "" + t.unknown(), "" + t.unread(),
                    t.firstError() == null ? "-" : "line " + t.firstError()));
        }
        rows.add(List.of("total: " + files + " file" + (files == 1 ? "" : "s") + ", " + failing + " with errors", "" + total.holds(), "" + total.fails(),
                "" + total.unknown(), "" + total.unread(), ""));
        int[] width = new int[6];
        for (var r : rows) for (int i = 0; i < 6; i++) width[i] = Math.max(width[i], r.get(i).length());
        var sb = new StringBuilder();
        for (var r : rows) {
            var line = new StringBuilder(pad(r.get(0), width[0], false));
            for (int i = 1; i < 5; i++) line.append("  ").append(pad(r.get(i), width[i], true));
            line.append("  ").append(r.get(5));
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    /** {@code {"files": [<one object per file>], "summary": {...}}}. */
    public static String json(List<Batch.Outcome> outcomes) {
        var sb = new StringBuilder("{\n  \"files\" : [");
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            String one = o.report() != null ? new JsonPrinter().print(o.report()).strip() : errorObject(o);
            sb.append(i == 0 ? " " : ", ").append(one.replace("\n", "\n  "));
        }
        sb.append(" ],\n  \"summary\" : ").append(summary(outcomes).replace("\n", "\n  ")).append("\n}\n");
        return sb.toString();
    }

    private static String errorObject(Batch.Outcome o) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("file", o.file().toString());
            g.writeNullField("ok");
            g.writeStringField("error", o.error().diagnostic().span().line() > 0
                    ? o.error().diagnostic().span().line() + ":" + o.error().diagnostic().span().column() + ": " + o.error().getMessage()
                    : o.error().getMessage());
            g.writeEndObject();
        });
    }

    private static String summary(List<Batch.Outcome> outcomes) {
        Tally total = outcomes.stream().map(Batch.Outcome::tally).reduce(Tally.NONE, Tally::plus);
        long errors = outcomes.stream().filter(o -> o.report() == null).count();
        long failing = outcomes.stream().filter(o -> o.report() != null && o.tally().fails() > 0).count();
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("files", outcomes.size());
            g.writeNumberField("files_with_errors", failing);
            g.writeNumberField("files_not_read", errors);
            g.writeNumberField("holds", total.holds());
            g.writeNumberField("fails", total.fails());
            g.writeNumberField("unknown", total.unknown());
            g.writeNumberField("not_read", total.unread());
            g.writeEndObject();
        });
    }

    private interface Body { void write(JsonGenerator g) throws IOException; }

    private static String write(Body body) {
        var out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
