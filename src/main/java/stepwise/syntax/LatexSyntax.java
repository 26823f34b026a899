package stepwise.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import stepwise.ast.Span;
import stepwise.ast.Statement.ChainLink;
import stepwise.ast.Statement.IndexRange;
import stepwise.diag.BadInput;
import stepwise.syntax.gen.LatexLexer;
import stepwise.syntax.gen.LatexParser;

/**
 * Reads LaTeX display math into chains of relations. Annotations are taken out first
 * ({@link LatexCleaner}); each row (or comma-separated piece of a row) is then parsed on its own, so
 * that one row nobody can read does not hide the others: it is reported with its place and reason.
 * A row that starts with a relation continues the chain above; a row that starts with an expression
 * begins a new one; a row with no relation that starts with + or -, or follows a row ending in one,
 * continues the expression above. What the symbols mean is read by {@link LatexReader}.
 */
public final class LatexSyntax {
    private LatexSyntax() {}

    /**
     * What the file declares, as far as reading needs it: each distribution with its variable, the
     * names its parameters index ({@code mu} in {@code mu[j]}), the declared index ranges
     * ({@code j = 1..J}), and every declared name (named numbers, variables, parameters): a declared
     * name is read as one name ({@code lr}), and a declared {@code e} is not Euler's number.
     */
    public record Declared(Map<String, String> distributions, Set<String> indexed, Map<String, IndexRange> ranges, Set<String> names) {
        public Declared {
            distributions = Map.copyOf(distributions);
            indexed = Set.copyOf(indexed);
            ranges = Map.copyOf(ranges);
            names = Set.copyOf(names);
        }

        /** Only distribution names, each over z. */
        public static Declared of(Set<String> distributions) {
            var vars = new java.util.HashMap<String, String>();
            distributions.forEach(d -> vars.put(d, "z"));
            return new Declared(vars, Set.of(), Map.of(), Set.of("z"));
        }
    }

    /** A row, or part of one, that could not be read: where, and why. */
    public record Unread(Span span, String reason) {}

    /** The chains read from a display and the rows that could not be read, in order. */
    public record Reading(List<List<ChainLink>> chains, List<Unread> unread) {
        public Reading { chains = List.copyOf(chains); unread = List.copyOf(unread); }
    }

    /** The chains of a math body whose first character is at the given line and column of its file. */
    public static List<List<ChainLink>> chains(String body, int firstLine, int firstColumn, Set<String> distributions) {
        return chains(body, firstLine, firstColumn, Declared.of(distributions));
    }

    /**
     * The chains of a math body; the first row that cannot be read is an error.
     *
     * @throws BadInput at the first unreadable row
     */
    public static List<List<ChainLink>> chains(String body, int firstLine, int firstColumn, Declared declared) {
        Reading r = read(body, firstLine, firstColumn, declared);
        if (!r.unread().isEmpty()) throw new BadInput(r.unread().get(0).span(), r.unread().get(0).reason());
        return r.chains();
    }

    /** Every chain that can be read from a math body, and every row that cannot, with its place and reason. */
    public static Reading read(String body, int firstLine, int firstColumn, Declared declared) {
        checkNesting(body, new LatexReader(declared, firstLine, firstColumn));
        String cleaned = LatexCleaner.clean(body);
        var pieces = joinContinuations(cleaned, LatexCleaner.segments(cleaned));
        var chains = new ArrayList<List<ChainLink>>();
        var unread = new ArrayList<Unread>();
        List<ChainLink> current = null;
        for (var piece : pieces) {
            var reader = new LatexReader(declared, firstLine, firstColumn);
            LatexParser.RowContext row;
            String text = only(cleaned, piece);
            if (NO_DIFFERENTIAL.matcher(text).find()) {
                int at = text.indexOf("\\int");
                unread.add(new Unread(reader.shift(lineOf(text, at), columnOf(text, at), 4), "an integral ends with its variable: \\, dz"));
                current = null;
                continue;
            }
            try {
                row = parse(text, reader);
            } catch (BadInput e) {
                unread.add(new Unread(e.diagnostic().span(), e.getMessage()));
                current = null;
                continue;
            }
            try {
                var links = reader.row(row);
                if (links.isEmpty()) continue;
                if (links.get(0).relation() == null) {
                    current = new ArrayList<>(links);
                    chains.add(current);
                } else if (current != null) {
                    current.addAll(links);
                } else {
                    // The row above could not be read: this row's first relation has nothing to compare with.
                    current = new ArrayList<>(links.subList(0, 1).stream().map(l -> new ChainLink(l.span(), null, l.expr())).toList());
                    current.addAll(links.subList(1, links.size()));
                    chains.add(current);
                }
            } catch (LatexReader.NotARelation declaration) {
                current = null;
            } catch (BadInput e) {
                unread.add(new Unread(e.diagnostic().span(), e.getMessage()));
                current = null;
            }
        }
        chains.removeIf(c -> c.size() < 2);
        return new Reading(chains, unread);
    }

    private static LatexParser.RowContext parse(String text, LatexReader reader) {
        var lexer = FirstErrorListener.reportingTo(new LatexLexer(CharStreams.fromString(text)));
        var parser = FirstErrorListener.reportingTo(new LatexParser(new CommonTokenStream(lexer)));
        try {
            return parser.line().row();
        } catch (BadInput e) {
            // The parser's positions are within the body; the reader's are already in the file.
            var s = e.diagnostic().span();
            throw new BadInput(reader.shift(s.line(), s.column() - 1, s.length()), readable(e.getMessage()));
        }
    }

    private static final java.util.regex.Pattern NO_DIFFERENTIAL = java.util.regex.Pattern.compile(
            "(?s)\\\\int(?!.*(\\\\mathrm\\s*\\{\\s*d\\s*\\}|(?<![a-zA-Z\\\\])d\\s*\\\\?[a-zA-Z]))");

    /** Token names in a parser message as the author would write them. */
    private static String readable(String message) {
        return message.replace("RBRACE", "\\}").replace("LBRACE", "\\{").replace("RFLOOR", "\\rfloor").replace("RCEIL", "\\rceil")
                .replace("ROMAN", "\\mathrm").replace("LETTER", "a letter").replace("COMMAND", "a command");
    }

    /**
     * Bounds the nesting of a math body before it is read, as {@link Nesting} does for the language's
     * own syntax: brackets, and runs of signs or powers, at most {@link Nesting#MAX_DEPTH} deep.
     */
    private static void checkNesting(String body, LatexReader reader) {
        int depth = 0, run = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            if (c == '-' || c == '+' || c == '^') run++;
            else if (!Character.isWhitespace(c) && c != '{' && c != '}') run = 0;
            if (depth > Nesting.MAX_DEPTH || run > Nesting.MAX_DEPTH) {
                throw new BadInput(reader.shift(lineOf(body, i), columnOf(body, i), 1), depth > Nesting.MAX_DEPTH
                        ? "brackets nested more than " + Nesting.MAX_DEPTH + " deep" : "more than " + Nesting.MAX_DEPTH + " signs or powers in a row");
            }
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static int columnOf(String text, int offset) {
        return offset - (text.lastIndexOf('\n', offset - 1) + 1);
    }

    /** The body with everything outside the given pieces blanked, so that positions stay those of the body. */
    private static String only(String cleaned, List<LatexCleaner.Segment> piece) {
        var sb = new StringBuilder(cleaned.length());
        int at = 0;
        for (var s : piece) {
            for (; at < s.start(); at++) sb.append(cleaned.charAt(at) == '\n' ? '\n' : ' ');
            for (; at < s.end(); at++) sb.append(cleaned.charAt(at) == LatexCleaner.CUT ? ' ' : cleaned.charAt(at));
        }
        for (; at < cleaned.length(); at++) sb.append(cleaned.charAt(at) == '\n' ? '\n' : ' ');
        return sb.toString();
    }

    /** Rows that continue an expression across a line break are read as one piece. */
    private static List<List<LatexCleaner.Segment>> joinContinuations(String cleaned, List<LatexCleaner.Segment> segments) {
        var out = new ArrayList<List<LatexCleaner.Segment>>();
        for (var s : segments) {
            String text = cleaned.substring(s.start(), s.end());
            if (!out.isEmpty() && (continuesBelow(last(out, cleaned)) || continuesAbove(text))) {
                out.get(out.size() - 1).add(s);
            } else {
                out.add(new ArrayList<>(List.of(s)));
            }
        }
        return out;
    }

    private static String last(List<List<LatexCleaner.Segment>> out, String cleaned) {
        var piece = out.get(out.size() - 1);
        var s = piece.get(piece.size() - 1);
        return cleaned.substring(s.start(), s.end());
    }

    private static boolean continuesBelow(String text) {
        String t = text.strip();
        return t.endsWith("+") || t.endsWith("-") || t.endsWith("\\cdot") || t.endsWith("\\times");
    }

    private static boolean continuesAbove(String text) {
        String t = text.replace("&", " ").replaceAll("\\\\q?quad|\\\\[,;:! ]", " ").strip();
        return (t.startsWith("+") || t.startsWith("-")) && !hasRelation(t);
    }

    private static boolean hasRelation(String t) {
        return t.matches("(?s).*(=|<|>|\\\\le|\\\\ge|\\\\approx|\\\\simeq|\\\\equiv).*");
    }
}
