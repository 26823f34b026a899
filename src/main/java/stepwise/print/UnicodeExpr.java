package stepwise.print;

import stepwise.ast.Expr;
import stepwise.ast.Expr.*;
import stepwise.ast.Rational;

/** Renders an expression for a terminal: {@code 1/2 (-log(σ²) - 1 + σ² + μ²)}. */
public final class UnicodeExpr extends ExprRenderer {
    private static final UnicodeExpr INSTANCE = new UnicodeExpr();
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static String of(Expr e) { return INSTANCE.render(e); }

    /** As {@link #of}, written onto the end of {@code sb}. */
    static void append(Expr e, StringBuilder sb) { INSTANCE.write(e, sb); }

    @Override int divLevel() { return PRODUCT; }

    @Override String dot() { return "·"; }

    @Override void number(Rational r, StringBuilder sb) { sb.append(r); }

    @Override String name(String name) {
        if (name.equals("infinity")) return "∞";
        var tagged = AxisTag.of(name);
        // An axis's quantity, RF_c1^(h): the axis a modifier letter after the name, RF_c1ʰ.
        if (tagged != null) return name(tagged.base()) + (tagged.axis().equals("h") ? "ʰ" : tagged.axis().equals("w") ? "ʷ" : "^(" + tagged.axis() + ")");
        if (!hasGreekPart(name)) return name; // most names (RF_H2, k_L17): nothing to build
        var out = new StringBuilder(name.length());
        int start = 0;
        while (start <= name.length()) {
            int end = name.indexOf('_', start);
            if (end < 0) end = name.length();
            if (start > 0) out.append('_');
            int letters = greekLetters(name, start, end);
            if (letters < 0) out.append(name, start, end);
            else out.append(stepwise.ast.Greek.UNICODE.get(name.substring(start, start + letters))).append(name, start + letters, end);
            start = end + 1;
        }
        return out.toString();
    }

    /** Whether some part of the name between underscores is a Greek name with optional digits ({@code sigma2} is {@code σ2}). */
    private static boolean hasGreekPart(String name) {
        int start = 0;
        while (start <= name.length()) {
            int end = name.indexOf('_', start);
            if (end < 0) end = name.length();
            if (greekLetters(name, start, end) >= 0) return true;
            start = end + 1;
        }
        return false;
    }

    /**
     * How many letters begin {@code name[start, end)} when they are a Greek name and only digits follow
     * them; -1 for anything else (no Greek name is shorter than mu, nu, pi, xi).
     */
    private static int greekLetters(String name, int start, int end) {
        int letters = start;
        while (letters < end && Character.isLetter(name.charAt(letters))) letters++;
        if (letters - start < 2) return -1;
        for (int i = letters; i < end; i++) if (!Character.isDigit(name.charAt(i))) return -1;
        return stepwise.ast.Greek.UNICODE.containsKey(name.substring(start, letters)) ? letters - start : -1;
    }

    @Override void indexed(Indexed ix, StringBuilder sb) {
        sb.append(name(ix.name())).append('_');
        boolean simple = ix.index() instanceof Sym || ix.index() instanceof Num;
        if (!simple) sb.append('{');
        write(ix.index(), sb);
        if (!simple) sb.append('}');
    }

    @Override void quotient(Div d, StringBuilder sb) {
        wrap(d.num(), level(d.num()) < PRODUCT, sb);
        sb.append('/');
        wrap(d.den(), level(d.den()) <= UNARY || d.den() instanceof Num n && !n.value().isInteger(), sb);
    }

    @Override void power(Pow p, StringBuilder sb) {
        wrap(p.base(), level(p.base()) <= POWER, sb);
        if (p.exponent() instanceof Num n && n.value().isInteger() && n.value().signum() >= 0 && n.value().num().bitLength() < 30) {
            for (char c : n.value().toString().toCharArray()) sb.append(SUPERSCRIPTS.charAt(c - '0'));
        } else {
            sb.append('^');
            wrap(p.exponent(), level(p.exponent()) < ATOM, sb);
        }
    }

    @Override void function(Fn f, StringBuilder sb) {
        switch (f.name()) {
            case "floor" -> { sb.append('⌊'); write(f.args().get(0), sb); sb.append('⌋'); }
            case "ceil" -> { sb.append('⌈'); write(f.args().get(0), sb); sb.append('⌉'); }
            case "abs" -> { sb.append('|'); write(f.args().get(0), sb); sb.append('|'); }
            case "sqrt" -> { sb.append('√'); wrap(f.args().get(0), level(f.args().get(0)) < ATOM, sb); }
            default -> {
                sb.append(name(f.name())).append('(');
                for (int i = 0; i < f.args().size(); i++) {
                    if (i > 0) sb.append(", ");
                    write(f.args().get(i), sb);
                }
                sb.append(')');
            }
        }
    }

    @Override void bigOp(BigOp b, StringBuilder sb) {
        sb.append(b.product() ? "∏" : "∑").append("_{").append(name(b.var())).append('=');
        write(b.lo(), sb);
        sb.append("}^{");
        write(b.hi(), sb);
        sb.append("} ");
        wrap(b.body(), level(b.body()) <= SUM || b.body() instanceof Neg, sb);
    }

    @Override void integral(Integral i, StringBuilder sb) {
        sb.append("∫_{");
        write(i.lo(), sb);
        sb.append("}^{");
        write(i.hi(), sb);
        sb.append("} ");
        wrap(i.body(), level(i.body()) <= SUM || i.body() instanceof Neg, sb);
        sb.append(" d").append(name(i.var()));
    }

    @Override void expectation(Expect x, StringBuilder sb) {
        sb.append(x.dist().isEmpty() ? "E" : "E_" + name(x.dist())).append('[');
        write(x.body(), sb);
        sb.append(']');
    }

    @Override void divergence(Divergence d, StringBuilder sb) {
        sb.append("KL(").append(name(d.q())).append(" ‖ ").append(name(d.p())).append(')');
    }

    /** A matrix on one line, entries separated by commas and rows by semicolons: {@code [1, 2, 3; 4, 5, 6]}. */
    @Override void matrix(Matrix m, StringBuilder sb) {
        sb.append('[');
        grid(m, ", ", "; ", sb);
        sb.append(']');
    }

    @Override String open() { return "("; }

    @Override String close() { return ")"; }
}
