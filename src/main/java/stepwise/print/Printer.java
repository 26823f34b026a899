package stepwise.print;

import stepwise.Report;

/** Renders a report; printers never compute results, they only lay them out. */
public interface Printer {
    String print(Report report);

    static Printer forFormat(String format, boolean standalone) {
        return switch (format) {
            case "text" -> new TextPrinter();
            case "markdown" -> new MarkdownPrinter();
            case "latex" -> new LatexPrinter(standalone);
            case "json" -> new JsonPrinter();
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; formats are text, markdown, latex, json");
        };
    }
}
