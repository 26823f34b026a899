package stepwise.print;

/**
 * How much of the record a LaTeX or Markdown printer shows. {@code NOTES} (the default) writes each
 * chain once with its justification in words; {@code FULL} adds rule ids and a mark on every step.
 * Text and JSON always carry everything.
 */
public enum Style {
    NOTES, FULL;

    public static Style parse(String s) {
        return switch (s) {
            case "notes" -> NOTES;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown style '" + s + "'; styles are notes, full");
        };
    }
}
