package stepwise.derive;

import java.util.List;
import stepwise.ast.Statement;

/**
 * Whether a file will need Symja, so that its start-up begins before the first statement runs:
 * distributions (a KL's logs and powers) and hand checks (their proofs). A stack's symbols, a
 * what-if's or a matrix's, mostly stay linear, which {@link Algebra} expands without Symja; where they
 * do not (two symbols multiplied, a symbolic stride under a floor), Symja starts at that moment.
 */
final class AlgebraAhead {
    private AlgebraAhead() {}

    static boolean needed(List<Statement> statements) {
        for (Statement s : statements) if (s instanceof Statement.DistDecl || s instanceof Statement.Check) return true;
        return false;
    }
}
