package stepwise.print;

import stepwise.Report;

/** Renders a report; printers never compute results, they only lay them out. */
public interface Printer {
    String print(Report report);

    static Printer forFormat(String format, boolean standalone) { return forFormat(format, standalone, Style.NOTES); }

    /** The style shapes LaTeX and Markdown only: text and JSON always carry everything. */
    static Printer forFormat(String format, boolean standalone, Style style) {
        return switch (format) {
            case "text" -> new TextPrinter();
            case "markdown" -> new MarkdownPrinter(style);
            case "latex" -> new LatexPrinter(standalone, style);
            case "json" -> new JsonPrinter();
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; formats are text, markdown, latex, json");
        };
    }
}
