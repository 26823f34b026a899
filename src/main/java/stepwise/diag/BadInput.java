package stepwise.diag;

import stepwise.ast.Span;

/**
 * Carries a {@link Diagnostic} from deep inside parsing or derivation to the command line, which
 * renders it and exits with status 2. Never shown as a stack trace.
 */
public final class BadInput extends RuntimeException {
    private final transient Diagnostic diagnostic;
    private final transient java.util.List<Diagnostic> all;

    public BadInput(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
        this.all = java.util.List.of(diagnostic);
    }

    /** Several problems found at once (every syntax error of a file, every bad statement), in file order. */
    public BadInput(java.util.List<Diagnostic> all) {
        super(all.get(0).message(), null, false, false);
        this.diagnostic = all.get(0);
        this.all = java.util.List.copyOf(all);
    }

    /** Every problem this carries; the first is {@link #diagnostic()}. */
    public java.util.List<Diagnostic> all() { return all; }

    /** The same problems, located in the named file. */
    public BadInput inFile(String name) { return new BadInput(all.stream().map(d -> d.withFile(name)).toList()); }

    public BadInput(Span span, String message) { this(new Diagnostic(null, span, message)); }

    public Diagnostic diagnostic() { return diagnostic; }
}
