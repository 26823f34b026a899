package stepwise.syntax;

import java.util.List;
import org.antlr.v4.runtime.Token;
import stepwise.ast.Span;
import stepwise.diag.BadInput;

/**
 * Bounds how deeply a text nests before it is parsed, so that neither the parser nor any walk
 * over the expressions it builds can exhaust the stack. What nests: brackets, and within one
 * bracket level a chain of powers or signs ({@code a^b^c}, {@code - - x}, read right to left)
 * and of divisions ({@code a/b/c}). Sums and products of many terms are flat and do not nest.
 */
final class Nesting {
    private Nesting() {}

    /** Deeper than any formula a person writes, far below what the stack holds. */
    static final int MAX_DEPTH = 100;

    static void check(List<Token> tokens) {
        int[] chain = new int[MAX_DEPTH + 2], divisions = new int[MAX_DEPTH + 2];
        int level = 0, inChains = 0;
        Token previous = null;
        for (Token t : tokens) {
            if (t.getType() == Token.EOF) break;
            switch (symbol(t)) {
                case '(', '[', '{' -> {
                    level++;
                    if (level > MAX_DEPTH) throw tooDeep(t, "brackets nested more than " + MAX_DEPTH + " deep");
                    chain[level] = 0;
                    divisions[level] = 0;
                }
                case ')', ']', '}' -> {
                    if (level > 0) {
                        inChains -= chain[level] + divisions[level];
                        level--;
                    }
                }
                case '^' -> { chain[level]++; inChains++; }
                case '-', '+' -> {
                    if (endsOperand(previous)) {
                        inChains -= chain[level] + divisions[level];
                        chain[level] = 0;
                        divisions[level] = 0;
                    } else {
                        chain[level]++;
                        inChains++;
                    }
                }
                case '*' -> { inChains -= chain[level]; chain[level] = 0; }
                case '/' -> { inChains -= chain[level]; chain[level] = 0; divisions[level]++; inChains++; }
                default -> {
                    if (!endsOperand(t)) { // a comma, a relation, a keyword: a new expression starts
                        inChains -= chain[level] + divisions[level];
                        chain[level] = 0;
                        divisions[level] = 0;
                    }
                }
            }
            if (level + inChains > MAX_DEPTH) {
                throw tooDeep(t, "the expression nests more than " + MAX_DEPTH + " deep (brackets, and chains of powers, signs or divisions)");
            }
            previous = t;
        }
    }

    private static boolean endsOperand(Token t) {
        if (t == null) return false;
        int type = t.getType();
        if (type >= 0 && type < ENDS_OPERAND.length) return ENDS_OPERAND[type];
        return endsOperand(t.getText());
    }

    private static boolean endsOperand(String x) {
        if (x.equals(")") || x.equals("]")) return true;
        char c = x.isEmpty() ? ' ' : x.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /*
     * What a token's type says of its text, looked up once per type rather than read per token (a
     * file of 10,000 layers has some 300,000 tokens): the one-character symbol a literal token is
     * (0 for any other), and whether the token ends an operand (a name, a number, a keyword, a
     * closing bracket). Names and numbers begin with a letter or digit, strings with a quote.
     */
    private static final char[] SYMBOL;
    private static final boolean[] ENDS_OPERAND;

    static {
        var vocabulary = stepwise.syntax.gen.DerivLexer.VOCABULARY;
        int types = vocabulary.getMaxTokenType() + 1;
        SYMBOL = new char[types];
        ENDS_OPERAND = new boolean[types];
        for (int type = 0; type < types; type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.length() > 2) {
                String text = literal.substring(1, literal.length() - 1);
                if (text.length() == 1) SYMBOL[type] = text.charAt(0);
                ENDS_OPERAND[type] = endsOperand(text);
            }
        }
        ENDS_OPERAND[stepwise.syntax.gen.DerivLexer.ID] = true;
        ENDS_OPERAND[stepwise.syntax.gen.DerivLexer.NUMBER] = true;
    }

    private static char symbol(Token t) {
        int type = t.getType();
        if (type >= 0 && type < SYMBOL.length) return SYMBOL[type];
        String x = t.getText();
        return x.length() == 1 ? x.charAt(0) : 0;
    }

    private static BadInput tooDeep(Token t, String message) {
        return new BadInput(new Span(t.getLine(), t.getCharPositionInLine() + 1, 1), message);
    }
}
