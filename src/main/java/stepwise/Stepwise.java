package stepwise;

import stepwise.derive.Session;
import stepwise.diag.BadInput;
import stepwise.syntax.DerivSyntax;

/** The library's front door: everything the command line does is reachable from here. */
public final class Stepwise {
    private Stepwise() {}

    private static final java.util.regex.Pattern ALGEBRA_HINT = java.util.regex.Pattern.compile("(?m)^\\s*dist\\s|\\bwhere\\s");

    /**
     * Runs every statement of a {@code .deriv} text in order.
     *
     * @throws BadInput with a located diagnostic (file name filled in) when the input is wrong
     */
    public static Report derive(String fileName, String text) {
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
