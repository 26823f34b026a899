package stepwise.diag;

import stepwise.ast.Span;

/**
 * Carries a {@link Diagnostic} from deep inside parsing or derivation to the command line, which
 * renders it and exits with status 2. Never shown as a stack trace.
 */
public final class BadInput extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public BadInput(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public BadInput(Span span, String message) { this(new Diagnostic(null, span, message)); }

    public Diagnostic diagnostic() { return diagnostic; }
}
