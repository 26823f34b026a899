package stepwise.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The page's data as JSON: what the server answers and what its events carry. */
final class PageJson {
    private PageJson() {}

    private static final JsonFactory FACTORY = new JsonFactory();

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String object(Body body) {
        var out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void page(JsonGenerator g, Deriver.Page page) throws IOException {
        g.writeBooleanField("parsed", page.parsed());
        g.writeNumberField("derived", page.derived());
        g.writeArrayFieldStart("sections");
        for (Section s : page.sections()) section(g, s);
        g.writeEndArray();
        problems(g, page.problems());
    }

    static void problems(JsonGenerator g, List<Deriver.Problem> problems) throws IOException {
        g.writeArrayFieldStart("problems");
        for (var p : problems) {
            g.writeStartObject();
            g.writeNumberField("line", p.line());
            g.writeNumberField("column", p.column());
            g.writeNumberField("length", p.length());
            g.writeStringField("message", p.message());
            g.writeStringField("rendered", p.rendered());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void section(JsonGenerator g, Section s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("statement", s.statement());
        g.writeStringField("kind", s.kind());
        g.writeNumberField("line", s.line());
        g.writeStringField("heading", s.heading());
        g.writeStringField("html", s.html());
        g.writeStringField("status", s.status());
        g.writeStringField("verification", s.verification());
        if (s.value() != null) g.writeStringField("value", s.value());
        g.writeArrayFieldStart("knobs");
        for (Knob k : s.knobs()) {
            g.writeStartObject();
            g.writeStringField("id", k.id());
            g.writeStringField("label", k.label());
            g.writeStringField("domain", k.domain());
            g.writeStringField("min", k.min().toPlainString());
            g.writeStringField("max", k.max().toPlainString());
            g.writeStringField("step", k.step().toPlainString());
            g.writeStringField("initial", k.initial().toPlainString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
