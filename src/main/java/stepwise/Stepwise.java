package stepwise;

import stepwise.derive.Session;
import stepwise.diag.BadInput;
import stepwise.syntax.DerivSyntax;

/** The library's front door: everything the command line does is reachable from here. */
public final class Stepwise {
    private Stepwise() {}


    /**
     * Starts the algebra engine's start-up in the background when the file will need it (distributions
     * and hand checks; any .tex file, whose checks ask it for proofs), so that it overlaps everything
     * before the first symbolic step. A stack's symbols (what-ifs, a depth L, a matrix of symbols)
     * mostly stay linear, which needs no Symja, so they do not start it: where one does need it, it
     * starts then. A hint only: what runs decides for certain.
     */
    public static void startAlgebraFor(String fileName, String text) {
        if (fileName.endsWith(".tex") || mentionsAlgebra(text)) stepwise.cas.Cas.prewarm();
    }

    /**
     * Whether a line starts with {@code dist} or {@code check} followed by a space: the regular
     * expression {@code (?m)^\s*(dist|check)\s}, written out with indexOf, which scans a file of 10,000
     * layers in a fraction of the time the expression takes before it is compiled.
     */
    static boolean mentionsAlgebra(String text) {
        return startsALine(text, "dist") || startsALine(text, "check");
    }

    private static boolean startsALine(String text, String keyword) {
        for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
            if (spaceAt(text, i + keyword.length()) && startsLine(text, i)) return true;
        }
        return false;
    }

    /** Only spaces before {@code i} back to the start of the text or to a line break (as the expression's ^ knows them). */
    private static boolean startsLine(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            char c = text.charAt(j);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true; // the expression's line ends
            if (!isSpace(c)) return false;
        }
        return true;
    }

    private static boolean spaceAt(String text, int i) { return i < text.length() && isSpace(text.charAt(i)); }

    /** The regular expressions' \s: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'; }

    /**
     * Checks the display math of a .tex text, with the meaning of its symbols given by
     * {@code % stepwise: dist q = Normal(mu, sigma^2)} comment lines.
     *
     * @throws BadInput with a located diagnostic (file name filled in) when the input is wrong
     */
    public static Report checkTex(String fileName, String text) {
        text = withoutByteOrderMark(text);
        try {
            startAlgebraFor(fileName, text);
            var session = new Session();
            String declarations = stepwise.syntax.TexDocument.declarations(text);
            if (!declarations.isBlank()) session.run(DerivSyntax.parse(declarations));
            var results = new java.util.ArrayList<stepwise.result.Result>();
            for (var display : stepwise.syntax.TexDocument.displays(text)) {
                String name = display.kind() + " at line " + display.line();
                var reading = stepwise.syntax.LatexSyntax.read(display.body(), display.line(), display.column(), session.declared());
                results.addAll(session.checks(name, display.line(), reading.chains()));
                // Lecture notes hold math that cannot be read as a chain: each such row is reported, not fatal.
                results.addAll(Session.unreadable(name, reading.unread()));
            }
            if (results.isEmpty()) throw new BadInput(new stepwise.ast.Span(1, 1, 1), "no relation to check: no align, equation, \\[...\\] or $$...$$ with a = b");
            return new Report(fileName, results);
        } catch (BadInput e) {
            throw e.inFile(fileName);
        }
    }

    /** Some editors start a UTF-8 file with U+FEFF (a byte-order mark); it is not part of the text. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Runs every statement of a {@code .deriv} text in order.
     *
     * @throws BadInput with a located diagnostic (file name filled in) when the input is wrong
     */
    public static Report derive(String fileName, String text) {
        Report report = deriveEach(fileName, text);
        if (!report.errors().isEmpty()) throw new BadInput(report.errors());
        return report;
    }

    /**
     * Runs every statement of a {@code .deriv} text in order; a statement that cannot run is recorded
     * as an error at its line and the others still run. A syntax error stops the parse: then the
     * report holds no results and every syntax error found.
     */
    public static Report deriveEach(String fileName, String text) {
        text = withoutByteOrderMark(text);
        // A hint before parsing, so that Symja's start-up overlaps the parse; the parsed file decides for certain.
        startAlgebraFor(fileName, text);
        java.util.List<stepwise.ast.Statement> statements;
        try {
            statements = DerivSyntax.parse(text);
        } catch (BadInput e) {
            return new Report(fileName, java.util.List.of(), e.inFile(fileName).all());
        }
        var session = new Session();
        var results = session.run(statements);
        return new Report(fileName, results, session.errors().stream().map(d -> d.withFile(fileName)).toList());
    }
}
