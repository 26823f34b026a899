package stepwise.ast;

/** A place in a source file: 1-based line and column, and the length of the text it covers. */
public record Span(int line, int column, int length) {
    public static final Span NONE = new Span(0, 0, 0);

    public Span {
        if (length < 0) throw new IllegalArgumentException("span length must not be negative, got " + length);
    }
}
