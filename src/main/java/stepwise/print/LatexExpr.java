package stepwise.print;

import stepwise.ast.Expr;
import stepwise.ast.Expr.*;
import stepwise.ast.Rational;

/** Renders an expression as LaTeX math, in the author's order: {@code \frac}, {@code \log}, {@code \sigma^2}. */
public final class LatexExpr extends ExprRenderer {
    private static final LatexExpr INSTANCE = new LatexExpr(false);
    private static final LatexExpr EXP_ALWAYS = new LatexExpr(true);

    /** Every exponential spelled {@code \exp(...)}, not only the long ones. */
    private final boolean expAlways;

    private LatexExpr(boolean expAlways) { this.expAlways = expAlways; }

    public static String of(Expr e) { return INSTANCE.render(e); }

    /**
     * The renderer for expressions shown together (one derivation): where any exponential among them
     * needs {@code \exp(...)}, every one is spelled so, so that two densities side by side read alike
     * ({@code \exp(-\frac{1}{2} z^2)} beside {@code \exp(-\frac{1}{2} (\frac{z - \mu}{\sigma})^2)}).
     */
    static LatexExpr forAll(java.util.Collection<Expr> shown) {
        return shown.stream().anyMatch(LatexExpr::hasLongExp) ? EXP_ALWAYS : INSTANCE;
    }

    /** Every expression of the steps: subjects and links. */
    static LatexExpr forSteps(java.util.List<stepwise.result.Step> steps) {
        var shown = new java.util.ArrayList<Expr>();
        for (var s : steps) {
            if (s.subject() != null) shown.add(s.subject());
            shown.addAll(s.chain());
        }
        return forAll(shown);
    }

    /** {@code e} as LaTeX in this renderer's spelling. */
    String latex(Expr e) { return render(e); }

    private static boolean hasLongExp(Expr e) {
        if (e instanceof Fn f && f.name().equals("exp") && f.args().size() == 1 && isLong(INSTANCE.render(f.args().get(0)))) return true;
        for (Expr c : stepwise.algebra.Exprs.children(e)) if (hasLongExp(c)) return true;
        return false;
    }

    /** An exponent with a fraction within a fraction, or tall delimiters, is too small to read as a superscript. */
    private static boolean isLong(String exponent) {
        return exponent.split("\\\\frac", -1).length > 2 || exponent.contains("\\left(") || exponent.contains("\\left|");
    }

    /** A symbol name as LaTeX: {@code RF_H2} is {@code \mathrm{RF}_{H_{2}}}, {@code sigma1} is {@code \sigma_{1}}. */
    public static String symbol(String name) { return INSTANCE.name(name); }

    @Override int divLevel() { return ATOM; }

    @Override String dot() { return " \\cdot "; }

    @Override void number(Rational r, StringBuilder sb) {
        if (r.isInteger()) sb.append(r);
        else if (r.signum() < 0) sb.append("-\\frac{").append(r.num().negate()).append("}{").append(r.den()).append('}');
        else sb.append("\\frac{").append(r.num()).append("}{").append(r.den()).append('}');
    }

    @Override String name(String name) {
        var tagged = AxisTag.of(name);
        if (tagged != null) return name(tagged.base()) + "^{(" + tagged.axis() + ")}";
        return stepwise.ast.TexNames.of(name);
    }

    @Override void indexed(Indexed ix, StringBuilder sb) {
        sb.append(name(ix.name())).append("_{");
        write(ix.index(), sb);
        sb.append('}');
    }

    @Override void quotient(Div d, StringBuilder sb) {
        // One spelling for a negative fraction, however it was typed: -\frac{1}{2}, never \frac{-1}{2}.
        Expr num = d.num() instanceof Neg n ? n.arg() : d.num() instanceof Num x && x.value().signum() < 0 ? new Num(x.value().negate()) : null;
        if (num != null) {
            sb.append('-');
            quotient(new Div(num, d.den()), sb);
            return;
        }
        sb.append("\\frac{");
        write(d.num(), sb);
        sb.append("}{");
        write(d.den(), sb);
        sb.append('}');
    }

    @Override void power(Pow p, StringBuilder sb) {
        wrap(p.base(), level(p.base()) <= POWER || p.base() instanceof Div || p.base() instanceof Fn f && !f.name().equals("sqrt"), sb);
        sb.append("^{");
        write(p.exponent(), sb);
        sb.append('}');
    }

    @Override void function(Fn f, StringBuilder sb) {
        switch (f.name()) {
            case "sqrt" -> { sb.append("\\sqrt{"); write(f.args().get(0), sb); sb.append('}'); }
            case "exp" -> exp(f.args().get(0), sb);
            case "abs" -> delimited("\\left|", "\\right|", f, sb);
            case "floor" -> delimited("\\left\\lfloor ", " \\right\\rfloor", f, sb);
            case "ceil" -> delimited("\\left\\lceil ", " \\right\\rceil", f, sb);
            case "log", "max", "min" -> { sb.append('\\').append(f.name()); arguments(f, sb); }
            default -> { sb.append(name(f.name())); arguments(f, sb); }
        }
    }

    /**
     * {@code e^{x}} for a short exponent; a long one (a fraction within a fraction) reads better full
     * size: {@code \exp(...)}, as does every one where {@link #forAll} found a long one among them.
     */
    private void exp(Expr arg, StringBuilder sb) {
        String inner = render(arg);
        if (isLong(inner)) {
            sb.append("\\exp\\left(").append(inner).append("\\right)");
        } else if (expAlways) {
            sb.append("\\exp").append(open(inner)).append(inner).append(close(inner));
        } else {
            sb.append("e^{").append(inner).append('}');
        }
    }

    @Override int level(Expr e) {
        if (e instanceof Div d && (d.num() instanceof Neg || d.num() instanceof Num x && x.value().signum() < 0)) return UNARY;
        return super.level(e);
    }

    private void delimited(String left, String right, Fn f, StringBuilder sb) {
        sb.append(left);
        write(f.args().get(0), sb);
        sb.append(right);
    }

    private void arguments(Fn f, StringBuilder sb) {
        var inner = new StringBuilder();
        for (int i = 0; i < f.args().size(); i++) {
            if (i > 0) inner.append(", ");
            write(f.args().get(i), inner);
        }
        sb.append(open(inner.toString())).append(inner).append(close(inner.toString()));
    }

    @Override void bigOp(BigOp b, StringBuilder sb) {
        sb.append(b.product() ? "\\prod_{" : "\\sum_{").append(name(b.var())).append('=');
        write(b.lo(), sb);
        sb.append("}^{");
        write(b.hi(), sb);
        sb.append("} ");
        wrap(b.body(), level(b.body()) <= SUM || b.body() instanceof Neg, sb);
    }

    @Override void integral(Integral i, StringBuilder sb) {
        sb.append("\\int_{");
        write(i.lo(), sb);
        sb.append("}^{");
        write(i.hi(), sb);
        sb.append("} ");
        wrap(i.body(), level(i.body()) <= SUM || i.body() instanceof Neg, sb);
        sb.append(" \\, \\mathrm{d}").append(name(i.var()));
    }

    @Override void expectation(Expect x, StringBuilder sb) {
        sb.append(x.dist().isEmpty() ? "\\mathbb{E}\\left[" : "\\mathbb{E}_{" + name(x.dist()) + "}\\left[");
        write(x.body(), sb);
        sb.append("\\right]");
    }

    @Override void divergence(Divergence d, StringBuilder sb) {
        sb.append("\\mathrm{KL}(").append(name(d.q())).append(" \\,\\|\\, ").append(name(d.p())).append(')');
    }

    @Override void matrix(Matrix m, StringBuilder sb) {
        sb.append("\\begin{bmatrix} ");
        grid(m, " & ", " \\\\ ", sb);
        sb.append(" \\end{bmatrix}");
    }

    @Override String open() { return "("; }

    @Override String close() { return ")"; }

    // Tall contents (fractions, sums) get delimiters that grow with them.
    @Override boolean sizedParentheses() { return true; }

    @Override String open(String inner) { return tall(inner) ? "\\left(" : "("; }

    @Override String close(String inner) { return tall(inner) ? "\\right)" : ")"; }

    private static boolean tall(String inner) { return inner.contains("\\frac") || inner.contains("\\sum") || inner.contains("\\prod"); }
}
