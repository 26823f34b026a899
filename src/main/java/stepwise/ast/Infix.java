package stepwise.ast;

import java.util.List;
import stepwise.ast.Expr.*;

/**
 * Prints an expression in the language's own input syntax, the form the SPEC asks for in JSON:
 * {@code 1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)}. Reading the output back gives the same tree.
 */
public final class Infix {
    private Infix() {}

    static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;

    public static String print(Expr e) {
        var sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    /** The binding strength of an expression's top operator, as printed. */
    static int level(Expr e) {
        if (e instanceof Add) return SUM;
        if (e instanceof Mul || e instanceof Div) return PRODUCT;
        if (e instanceof Neg) return UNARY;
        if (e instanceof Pow) return POWER;
        if (e instanceof Num n) return n.value().signum() < 0 ? UNARY : n.value().isInteger() ? ATOM : PRODUCT;
        return ATOM;
    }

    private static void write(Expr e, StringBuilder sb) {
        if (e instanceof Num n) {
            sb.append(n.value());
        } else if (e instanceof Sym s) {
            sb.append(s.name());
        } else if (e instanceof Indexed ix) {
            sb.append(ix.name()).append('[');
            write(ix.index(), sb);
            sb.append(']');
        } else if (e instanceof Add a) {
            writeSum(a.terms(), sb);
        } else if (e instanceof Mul m) {
            writeProduct(m.factors(), sb);
        } else if (e instanceof Neg n) {
            sb.append('-');
            wrap(n.arg(), level(n.arg()) <= SUM || n.arg() instanceof Neg, sb);
        } else if (e instanceof Div d) {
            wrap(d.num(), level(d.num()) < PRODUCT, sb);
            sb.append('/');
            // After '/', a sign binds only to the next factor: a/-(b/c) needs its parentheses.
            wrap(d.den(), level(d.den()) <= UNARY || isFraction(d.den()), sb);
        } else if (e instanceof Pow p) {
            wrap(p.base(), level(p.base()) <= POWER, sb);
            sb.append('^');
            wrap(p.exponent(), level(p.exponent()) < ATOM, sb);
        } else if (e instanceof Fn f) {
            sb.append(f.name());
            args(f.args(), sb);
        } else if (e instanceof BigOp b) {
            sb.append(b.product() ? "prod(" : "sum(").append(b.var()).append(" = ");
            write(b.lo(), sb);
            sb.append("..");
            write(b.hi(), sb);
            sb.append(", ");
            write(b.body(), sb);
            sb.append(')');
        } else if (e instanceof Integral i) {
            sb.append("integral(").append(i.var()).append(" = ");
            write(i.lo(), sb);
            sb.append("..");
            write(i.hi(), sb);
            sb.append(", ");
            write(i.body(), sb);
            sb.append(')');
        } else if (e instanceof Expect x) {
            sb.append(x.dist().isEmpty() ? "E(" : "E[" + x.dist() + "](");
            write(x.body(), sb);
            sb.append(')');
        } else if (e instanceof Divergence d) {
            sb.append("KL(").append(d.q()).append(" || ").append(d.p()).append(')');
        } else if (e instanceof Matrix m) {
            sb.append('[');
            for (int i = 0; i < m.height(); i++) {
                if (i > 0) sb.append(", ");
                sb.append('[');
                for (int j = 0; j < m.width(); j++) {
                    if (j > 0) sb.append(", ");
                    write(m.at(i, j), sb);
                }
                sb.append(']');
            }
            sb.append(']');
        }
    }

    private static boolean isFraction(Expr e) { return e instanceof Num n && !n.value().isInteger(); }

    private static void writeSum(List<Expr> terms, StringBuilder sb) {
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            if (i > 0 && t instanceof Neg n) {
                sb.append(" - ");
                wrap(n.arg(), level(n.arg()) <= SUM || n.arg() instanceof Neg, sb);
            } else if (i > 0 && t instanceof Num num && num.value().signum() < 0) {
                sb.append(" - ").append(num.value().negate());
            } else {
                if (i > 0) sb.append(" + ");
                wrap(t, level(t) <= SUM, sb);
            }
        }
    }

    private static void writeProduct(List<Expr> factors, StringBuilder sb) {
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            if (i > 0) sb.append('*');
            // a/b*c reads as (a/b)*c, so only a later quotient or sign needs parentheses.
            boolean parens = i == 0 ? level(f) < PRODUCT : level(f) <= PRODUCT || level(f) == UNARY;
            wrap(f, parens, sb);
        }
    }

    private static void args(List<Expr> args, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            write(args.get(i), sb);
        }
        sb.append(')');
    }

    private static void wrap(Expr e, boolean parens, StringBuilder sb) {
        if (parens) sb.append('(');
        write(e, sb);
        if (parens) sb.append(')');
    }
}
