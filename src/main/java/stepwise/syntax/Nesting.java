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
            String x = t.getText();
            switch (x) {
                case "(", "[", "{" -> {
                    level++;
                    if (level > MAX_DEPTH) throw tooDeep(t, "brackets nested more than " + MAX_DEPTH + " deep");
                    chain[level] = 0;
                    divisions[level] = 0;
                }
                case ")", "]", "}" -> {
                    if (level > 0) {
                        inChains -= chain[level] + divisions[level];
                        level--;
                    }
                }
                case "^" -> { chain[level]++; inChains++; }
                case "-", "+" -> {
                    if (endsOperand(previous)) {
                        inChains -= chain[level] + divisions[level];
                        chain[level] = 0;
                        divisions[level] = 0;
                    } else {
                        chain[level]++;
                        inChains++;
                    }
                }
                case "*" -> { inChains -= chain[level]; chain[level] = 0; }
                case "/" -> { inChains -= chain[level]; chain[level] = 0; divisions[level]++; inChains++; }
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
        String x = t.getText();
        if (x.equals(")") || x.equals("]")) return true;
        char c = x.isEmpty() ? ' ' : x.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static BadInput tooDeep(Token t, String message) {
        return new BadInput(new Span(t.getLine(), t.getCharPositionInLine() + 1, 1), message);
    }
}
