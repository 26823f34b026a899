package stepwise.syntax;

import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import stepwise.ast.Span;
import stepwise.diag.BadInput;

/**
 * Replaces ANTLR's console listeners: the first syntax error stops the parse and becomes a
 * located diagnostic in plain words ("unexpected ')'; expected a number or a name").
 */
final class FirstErrorListener extends BaseErrorListener {
    private static final int MAX_EXPECTED_SHOWN = 5;
    /** Syntax errors beyond this many are not listed: by then they are echoes of the first ones. */
    static final int MAX_COLLECTED = 20;

    /** Where errors go when the parse should go on and list them all; null to stop at the first. */
    private final java.util.List<stepwise.diag.Diagnostic> collected;

    FirstErrorListener() { this(null); }

    /** A listener that records every error in {@code collected} instead of stopping at the first. */
    FirstErrorListener(java.util.List<stepwise.diag.Diagnostic> collected) { this.collected = collected; }

    /** Replaces a recognizer's console listeners with this one; returns it for chaining. */
    static <T extends Recognizer<?, ?>> T reportingTo(T recognizer) {
        recognizer.removeErrorListeners();
        recognizer.addErrorListener(new FirstErrorListener());
        return recognizer;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                            String antlrMessage, RecognitionException e) {
        BadInput error;
        if (recognizer instanceof Lexer lexer) {
            error = lexerError(lexer, line, col);
        } else {
            Token token = (Token) offending;
            String message = unexpected(token) + expected((Parser) recognizer, e);
            int length = token.getType() == Token.EOF ? 1 : Math.max(1, token.getStopIndex() - token.getStartIndex() + 1);
            error = new BadInput(new Span(line, col + 1, length), message);
        }
        if (collected == null) throw error;
        if (collected.size() < MAX_COLLECTED) collected.add(error.diagnostic());
    }

    private static BadInput lexerError(Lexer lexer, int line, int col) {
        int index = lexer._tokenStartCharIndex;
        var input = lexer.getInputStream();
        int c = index < input.size() ? input.getText(org.antlr.v4.runtime.misc.Interval.of(index, index)).codePointAt(0) : -1;
        String message = c == '"' ? "unterminated string"
                : c < 0x20 || c == 0x7f || c == 0xfffd ? String.format("unexpected byte 0x%02x: is this a text file?", c & 0xff)
                : "unexpected character '" + new String(Character.toChars(c)) + "'";
        return new BadInput(new Span(line, col + 1, 1), message);
    }

    private static String unexpected(Token token) {
        if (token.getType() == Token.EOF) return "unexpected end of file";
        return "unexpected '" + token.getText() + "'";
    }

    private static String expected(Parser parser, RecognitionException e) {
        IntervalSet set;
        try {
            set = e instanceof InputMismatchException || e == null ? parser.getExpectedTokens() : e.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return "";
        }
        if (set == null || set.isNil() || set.size() > MAX_EXPECTED_SHOWN) return "";
        var names = new java.util.LinkedHashSet<String>();
        for (int type : set.toArray()) names.add(describe(parser, type));
        return "; expected " + joinOr(names);
    }

    private static String describe(Parser parser, int type) {
        if (type == Token.EOF) return "end of file";
        String name = parser.getVocabulary().getDisplayName(type);
        return switch (name) {
            case "ID" -> "a name";
            case "NUMBER" -> "a number";
            case "STRING", "LONG_STRING" -> "a string";
            default -> name;
        };
    }

    private static String joinOr(Set<String> names) {
        var list = java.util.List.copyOf(names);
        if (list.size() == 1) return list.get(0);
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }
}
