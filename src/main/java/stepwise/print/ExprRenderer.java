package stepwise.print;

import java.util.List;
import stepwise.ast.Expr;
import stepwise.ast.Expr.*;

/**
 * The precedence walk shared by the LaTeX and Unicode renderings: it keeps the author's order
 * and adds only the parentheses the structure needs. Subclasses spell the pieces.
 */
abstract class ExprRenderer {
    static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;

    final String render(Expr e) {
        var sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    int level(Expr e) {
        if (e instanceof Add) return SUM;
        if (e instanceof Mul) return PRODUCT;
        if (e instanceof Div) return divLevel();
        if (e instanceof Neg) return UNARY;
        if (e instanceof Pow) return POWER;
        if (e instanceof Num n) return n.value().signum() < 0 ? UNARY : n.value().isInteger() ? ATOM : divLevel();
        if (e instanceof BigOp || e instanceof Integral) return PRODUCT;
        return ATOM;
    }

    /** How tightly a quotient binds: a LaTeX \frac is an atom, a slash is a product. */
    abstract int divLevel();

    void write(Expr e, StringBuilder sb) {
        if (e instanceof Num n) number(n.value(), sb);
        else if (e instanceof Sym s) sb.append(name(s.name()));
        else if (e instanceof Indexed ix) indexed(ix, sb);
        else if (e instanceof Add a) sum(a.terms(), sb);
        else if (e instanceof Mul m) product(m.factors(), sb);
        else if (e instanceof Neg n) { sb.append('-'); wrap(n.arg(), level(n.arg()) <= SUM || n.arg() instanceof Neg, sb); }
        else if (e instanceof Div d) quotient(d, sb);
        else if (e instanceof Pow p) power(p, sb);
        else if (e instanceof Fn f) function(f, sb);
        else if (e instanceof BigOp b) bigOp(b, sb);
        else if (e instanceof Integral i) integral(i, sb);
        else if (e instanceof Expect x) expectation(x, sb);
        else if (e instanceof Divergence d) divergence(d, sb);
        else if (e instanceof Matrix m) matrix(m, sb);
    }

    private void sum(List<Expr> terms, StringBuilder sb) {
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            if (i > 0 && t instanceof Neg n) {
                sb.append(" - ");
                wrap(n.arg(), level(n.arg()) <= SUM || n.arg() instanceof Neg, sb);
            } else {
                if (i > 0) sb.append(" + ");
                wrap(t, level(t) <= SUM, sb);
            }
        }
    }

    private void product(List<Expr> factors, StringBuilder sb) {
        // Values put into a formula, (3 - 1)·1·s: with two numbers among the factors every factor gets a
        // dot, or "1 s" would read as one token.
        // A fraction in front is a coefficient, 1/2 (4 + 1), and is not counted.
        int numbers = 0;
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            if (numbersOnly(f) && !(f instanceof Num n && !n.value().isInteger())) numbers++;
        }
        boolean numbersIn = numbers >= 2;
        // Each factor is written in place; what goes before it is known once it is written, and put in
        // front of it then (an insert that moves only the factor's own few characters).
        int previousStart = -1, previousEnd = -1;
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            boolean parens = i == 0 ? level(f) < PRODUCT : level(f) <= PRODUCT || level(f) == UNARY;
            // A trailing sum or product operator takes everything after it: no parentheses needed.
            if (f instanceof BigOp && i == factors.size() - 1) parens = false;
            int start = sb.length();
            wrap(f, parens, sb);
            if (previousStart >= 0) {
                String between = numbersIn || needsDot(sb, previousStart, previousEnd, start, sb.length()) ? dot() : " ";
                sb.insert(start, between);
                start += between.length();
            }
            previousStart = start;
            previousEnd = sb.length();
        }
    }

    /** Made of numbers alone, as a substituted value is: 1, (3 - 1); never π, whose 2 π needs no dot. */
    private static boolean numbersOnly(Expr e) {
        if (e instanceof Num) return true;
        if (e instanceof Neg n) return numbersOnly(n.arg());
        if (e instanceof Add a) return allNumbersOnly(a.terms());
        if (e instanceof Mul m) return allNumbersOnly(m.factors());
        return false;
    }

    private static boolean allNumbersOnly(List<Expr> parts) {
        for (int i = 0; i < parts.size(); i++) if (!numbersOnly(parts.get(i))) return false;
        return true;
    }

    /** The visible multiplication dot, written between factors that would misread side by side. */
    abstract String dot();

    abstract void number(stepwise.ast.Rational r, StringBuilder sb);

    abstract String name(String name);

    abstract void indexed(Indexed ix, StringBuilder sb);

    abstract void quotient(Div d, StringBuilder sb);

    abstract void power(Pow p, StringBuilder sb);

    abstract void function(Fn f, StringBuilder sb);

    abstract void bigOp(BigOp b, StringBuilder sb);

    abstract void integral(Integral i, StringBuilder sb);

    abstract void expectation(Expect x, StringBuilder sb);

    abstract void divergence(Divergence d, StringBuilder sb);

    abstract void matrix(Matrix m, StringBuilder sb);

    /** A matrix's entries in order, with the given separators between entries and between rows. */
    final void grid(Matrix m, String entrySeparator, String rowSeparator, StringBuilder sb) {
        for (int i = 0; i < m.height(); i++) {
            if (i > 0) sb.append(rowSeparator);
            for (int j = 0; j < m.width(); j++) {
                if (j > 0) sb.append(entrySeparator);
                write(m.at(i, j), sb);
            }
        }
    }

    abstract String open();

    abstract String close();

    void wrap(Expr e, boolean parens, StringBuilder sb) {
        if (!parens) { write(e, sb); return; }
        if (!sizedParentheses()) {
            sb.append(open());
            write(e, sb);
            sb.append(close());
            return;
        }
        var inner = new StringBuilder();
        write(e, inner);
        String text = inner.toString();
        sb.append(open(text)).append(text).append(close(text));
    }

    /** Whether parentheses grow with what they hold (LaTeX's \left( for a fraction); then the inside is written first. */
    boolean sizedParentheses() { return false; }

    String open(String inner) { return open(); }

    String close(String inner) { return close(); }

    /**
     * Juxtaposition reads as multiplication except before a number or a sign, and after a bare
     * number before a parenthesis ("2 (3 - 1)" would read as a call): there a dot is written. The
     * two factors are the ranges [leftStart, leftEnd) and [rightStart, rightEnd) of {@code text}.
     */
    static boolean needsDot(CharSequence text, int leftStart, int leftEnd, int rightStart, int rightEnd) {
        if (rightStart == rightEnd || leftStart == leftEnd) return false;
        char r = text.charAt(rightStart);
        if (Character.isDigit(r) || r == '-' || startsWith(text, rightStart, rightEnd, "\\frac")) return true;
        boolean leftIsNumber = true;
        for (int i = leftStart; i < leftEnd && leftIsNumber; i++) leftIsNumber = Character.isDigit(text.charAt(i));
        // "2 (3 - 1)" would read as a call and "2K" as a number with a unit: a dot separates them.
        return leftIsNumber && (r == '(' || startsWith(text, rightStart, rightEnd, "\\left(") || Character.isUpperCase(r));
    }

    private static boolean startsWith(CharSequence text, int start, int end, String prefix) {
        if (end - start < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (text.charAt(start + i) != prefix.charAt(i)) return false;
        return true;
    }
}
