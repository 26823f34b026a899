package stepwise.handcheck;

import stepwise.Report;
import stepwise.Stepwise;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;
import stepwise.result.Result;

/** Checks one file's hand derivations: the display math of a .tex file, the check blocks of a .deriv file. */
public final class CheckFiles {
    private CheckFiles() {}

    /**
     * Declarations and derivations of a .deriv file run, so that checks can use them; only the checks are kept.
     *
     * A .deriv file without check blocks gives a report with no results; see {@link #nothingToCheck}.
     *
     * @throws BadInput with a located diagnostic when the input is wrong
     */
    public static Report check(String fileName, String text) {
        Report all = fileName.endsWith(".tex") ? Stepwise.checkTex(fileName, text) : Stepwise.derive(fileName, text);
        return new Report(all.file(), all.results().stream().filter(r -> r instanceof Result.CheckReport).toList());
    }

    /** The error for one file given to check that has nothing to check (in a folder such a file is only listed). */
    public static BadInput nothingToCheck(String fileName) {
        return new BadInput(new Diagnostic(fileName, Span.NONE, "the file has no check blocks"));
    }
}
