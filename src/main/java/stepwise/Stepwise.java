package stepwise;

import stepwise.derive.Session;
import stepwise.diag.BadInput;
import stepwise.syntax.DerivSyntax;

/** The library's front door: everything the command line does is reachable from here. */
public final class Stepwise {
    private Stepwise() {}

    private static final java.util.regex.Pattern ALGEBRA_HINT = java.util.regex.Pattern.compile("(?m)^\\s*dist\\s|\\bwhere\\s");

    /**
     * Checks the display math of a .tex text, with the meaning of its symbols given by
     * {@code % stepwise: dist q = Normal(mu, sigma^2)} comment lines.
     *
     * @throws BadInput with a located diagnostic (file name filled in) when the input is wrong
     */
    public static Report checkTex(String fileName, String text) {
        text = withoutByteOrderMark(text);
        try {
            var session = new Session();
            String declarations = stepwise.syntax.TexDocument.declarations(text);
            if (!declarations.isBlank()) session.run(DerivSyntax.parse(declarations));
            var results = new java.util.ArrayList<stepwise.result.Result>();
            for (var display : stepwise.syntax.TexDocument.displays(text)) {
                String name = display.kind() + " at line " + display.line();
                try {
                    var chains = stepwise.syntax.LatexSyntax.chains(display.body(), display.line(), display.column(), session.distributions().keySet());
                    results.addAll(session.checks(name, display.line(), chains));
                } catch (BadInput unreadable) {
                    // Lecture notes hold math that is not a checkable chain; it is reported, not fatal.
                    var at = unreadable.diagnostic().span();
                    results.add(stepwise.result.Result.CheckReport.unreadable(name, display.line(),
                            "line " + at.line() + ", column " + at.column() + ": " + unreadable.getMessage()));
                }
            }
            if (results.isEmpty()) throw new BadInput(new stepwise.ast.Span(1, 1, 1), "no relation to check: no align, equation, \\[...\\] or $$...$$ with a = b");
            return new Report(fileName, results);
        } catch (BadInput e) {
            throw new BadInput(e.diagnostic().withFile(fileName));
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
        text = withoutByteOrderMark(text);
        try {
            // A hint before parsing, so that Symja's start-up overlaps the parse; the parsed file decides for certain.
            if (ALGEBRA_HINT.matcher(text).find()) stepwise.cas.Cas.prewarm();
            var statements = DerivSyntax.parse(text);
            return new Report(fileName, new Session().run(statements));
        } catch (BadInput e) {
            throw new BadInput(e.diagnostic().withFile(fileName));
        }
    }
}
