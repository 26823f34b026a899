package stepwise;

import stepwise.derive.Session;
import stepwise.diag.BadInput;
import stepwise.syntax.DerivSyntax;

/** The library's front door: everything the command line does is reachable from here. */
public final class Stepwise {
    private Stepwise() {}

    /**
     * Runs every statement of a {@code .deriv} text in order.
     *
     * @throws BadInput with a located diagnostic (file name filled in) when the input is wrong
     */
    public static Report derive(String fileName, String text) {
        try {
            var statements = DerivSyntax.parse(text);
            return new Report(fileName, new Session().run(statements));
        } catch (BadInput e) {
            throw new BadInput(e.diagnostic().withFile(fileName));
        }
    }
}
