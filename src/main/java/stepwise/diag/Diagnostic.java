package stepwise.diag;

import stepwise.ast.Span;

/** A problem with the user's input, located in a file. Rendered by {@link DiagnosticRenderer}. */
public record Diagnostic(String file, Span span, String message) {
    public Diagnostic {
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a diagnostic needs a message");
    }

    public Diagnostic withFile(String name) { return new Diagnostic(name, span, message); }
}
