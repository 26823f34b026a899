package stepwise.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import stepwise.ast.Rational;
import stepwise.ast.Statement;
import stepwise.derive.Session;
import stepwise.diag.BadInput;
import stepwise.diag.DiagnosticRenderer;
import stepwise.result.Result;
import stepwise.syntax.DerivSyntax;

/**
 * Derives a file's text for the page, statement by statement, and remembers each statement's
 * results: an edit re-derives only the statements whose text, or the declarations before them,
 * changed. A bad statement is reported at its place and the others are still derived. Used by one
 * thread at a time (the engine's).
 */
final class Deriver {
    /** The page after one derivation: its sections, the problems with their places, and how many statements were derived afresh. */
    record Page(List<Section> sections, List<Problem> problems, boolean parsed, int derived) {}

    /** A located error: {@code rendered} is the command line's form (message, source line, caret). */
    record Problem(int line, int column, int length, String message, String rendered) {}

    /** A statement's text, with its line, and the declarations it may read: same key, same results. */
    private static final int REMEMBERED = 512;

    private final String fileName;
    private final Map<String, List<Result>> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, List<Result>> eldest) { return size() > REMEMBERED; }
    };
    /** Slider positions derived for the last text. */
    private final Map<String, Variant> variants = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Variant> eldest) { return size() > REMEMBERED; }
    };
    private String lastText;
    private List<Statement> lastStatements;

    Deriver(String fileName) { this.fileName = fileName; }

    /** The page for a text, or null when {@code superseded} says a newer text is waiting. */
    Page derive(String text, BooleanSupplier superseded) {
        List<Statement> statements;
        try {
            statements = parse(text);
        } catch (BadInput e) {
            return new Page(List.of(), problems(e, text), false, 0);
        }
        var lines = new SourceLines(text);
        var session = new Session();
        var sections = new ArrayList<Section>();
        var problems = new ArrayList<Problem>();
        var declarations = new ArrayList<Declarations.Source>();
        int derived = 0;
        for (int i = 0; i < statements.size(); i++) {
            if (superseded.getAsBoolean()) return null;
            Statement s = statements.get(i);
            String source = lines.slice(s.span());
            try {
                if (Declarations.is(s)) {
                    declarations.add(new Declarations.Source(s, source));
                    runChecked(session, List.of(s));
                    continue;
                }
                String key = key(s, source, declarations);
                List<Result> results = remembered.get(key);
                if (results == null) {
                    derived++;
                    results = runOne(session, s);
                    remembered.put(key, results);
                }
                for (Result r : results) {
                    Result placed = Relines.at(r, s.span().line());
                    sections.add(Sections.of(i, placed, results.size() == 1 ? Knobs.of(s, placed, statements.subList(0, i)) : List.of()));
                }
            } catch (BadInput e) {
                problems.addAll(problems(e, text));
            }
        }
        return new Page(sections, problems, true, derived);
    }

    /** A statement's results, run in a session that has seen the declarations before it. */
    private static List<Result> runOne(Session session, Statement s) {
        int before = session.run(List.of()).size();
        var all = runChecked(session, List.of(s));
        return List.copyOf(all.subList(before, all.size()));
    }

    /**
     * Runs statements in a session; the session lists a statement that cannot run among its errors
     * and goes on, so here its errors are thrown, to be shown at their places.
     */
    static List<Result> runChecked(Session session, List<Statement> statements) {
        int errors = session.errors().size();
        var results = session.run(statements);
        var now = session.errors();
        if (now.size() > errors) throw new BadInput(now.subList(errors, now.size()));
        return results;
    }

    /** A statement at its sliders' values, and the plot of its result against one of them (SVG), if any. */
    record Variant(Section section, String plot) {}

    Variant variantWithPlot(String text, int index, Map<String, String> rawValues, boolean symbolic, String plotAgainst) {
        parse(text);
        // A slider dragged back and forth comes back to positions already derived for this text.
        String key = index + "|" + symbolic + "|" + rawValues + "|" + plotAgainst;
        Variant known = variants.get(key);
        if (known != null) return known;
        Variant made = makeVariant(text, index, rawValues, symbolic, plotAgainst);
        variants.put(key, made);
        return made;
    }

    private Variant makeVariant(String text, int index, Map<String, String> rawValues, boolean symbolic, String plotAgainst) {
        Section section = variant(text, index, rawValues, symbolic);
        if (plotAgainst == null) return new Variant(section, null);
        var written = written(text, index);
        var values = values(written.knobs(), rawValues);
        return new Variant(section, Plots.svg(lastStatements, index, written.result(), written.knobs(), values, plotAgainst));
    }

    /** One statement with slider values put in, derived and verified by the engine. */
    Section variant(String text, int index, Map<String, String> rawValues, boolean symbolic) {
        List<Statement> statements = parse(text);
        if (index < 0 || index >= statements.size()) throw new IllegalArgumentException("no statement " + index);
        var written = written(text, index);
        if (written.knobs().isEmpty()) throw new IllegalArgumentException("statement " + (index + 1) + " has no sliders");
        Map<String, Rational> values = values(written.knobs(), rawValues);
        var run = Variants.build(statements, index, values, symbolic);
        var results = runChecked(new Session(), run);
        Result r = results.get(results.size() - 1);
        Section s = Sections.of(index, r, List.of());
        return new Section(index, s.kind(), statements.get(index).span().line(), "derive " + Variants.heading(statements.get(index), values, symbolic),
                s.html(), s.status(), s.verification(), s.value(), List.of());
    }

    /** A statement's result as written in the file, and the sliders it offers. */
    record Written(Result result, List<Knob> knobs) {}

    /** The statement as written (remembered, or derived now) and its sliders. */
    Written written(String text, int index) {
        List<Statement> statements = parse(text);
        var lines = new SourceLines(text);
        var session = new Session();
        var declarations = new ArrayList<Declarations.Source>();
        for (Statement s : statements.subList(0, index)) {
            if (!Declarations.is(s)) continue;
            runChecked(session, List.of(s));
            declarations.add(new Declarations.Source(s, lines.slice(s.span())));
        }
        Statement s = statements.get(index);
        List<Result> results = remembered.computeIfAbsent(key(s, lines.slice(s.span()), declarations), k -> runOne(session, s));
        if (results.size() != 1) return new Written(null, List.of());
        return new Written(results.get(0), Knobs.of(s, results.get(0), statements.subList(0, index)));
    }

    /** A check reports the lines of its relations, so its line is part of its key; other results are moved to their line. */
    private static String key(Statement s, String source, List<Declarations.Source> declarations) {
        return (s instanceof Statement.Check ? s.span().line() + ":" : "") + source + "\u0000" + Declarations.readBy(source, declarations);
    }

    /** The sliders' values, each checked against its domain; a slider not given stays at its first position. */
    private static Map<String, Rational> values(List<Knob> knobs, Map<String, String> raw) {
        var values = new LinkedHashMap<String, Rational>();
        for (Knob k : knobs) {
            String v = raw.get(k.id());
            values.put(k.id(), k.parse(v == null ? k.initial().toPlainString() : v));
        }
        for (String name : raw.keySet()) {
            if (knobs.stream().noneMatch(k -> k.id().equals(name))) throw new IllegalArgumentException("no slider named '" + name + "' here");
        }
        return values;
    }

    private List<Statement> parse(String text) {
        if (!text.equals(lastText)) {
            lastStatements = DerivSyntax.parse(text);
            lastText = text;
            variants.clear();
        }
        return lastStatements;
    }

    private List<Problem> problems(BadInput e, String text) {
        return e.all().stream().map(x -> x.withFile(fileName))
                .map(d -> new Problem(d.span().line(), d.span().column(), d.span().length(), d.message(), DiagnosticRenderer.render(d, text)))
                .toList();
    }
}
