package stepwise.ast;

import java.util.List;

/**
 * An expression as the author wrote it. Subtraction is a sum with a negated term, so that
 * {@code a - b} prints back as written; nothing here reorders or simplifies.
 */
public sealed interface Expr {

    record Num(Rational value) implements Expr {}

    record Sym(String name) implements Expr {
        public Sym { if (name.isEmpty()) throw new IllegalArgumentException("symbol name must not be empty"); }
    }

    /** An indexed symbol such as {@code s[j]} or {@code k[3]}. */
    record Indexed(String name, Expr index) implements Expr {}

    record Add(List<Expr> terms) implements Expr {
        public Add { terms = List.copyOf(terms); if (terms.size() < 2) throw new IllegalArgumentException("a sum needs two terms"); }
    }

    record Mul(List<Expr> factors) implements Expr {
        public Mul { factors = List.copyOf(factors); if (factors.size() < 2) throw new IllegalArgumentException("a product needs two factors"); }
    }

    record Neg(Expr arg) implements Expr {}

    record Div(Expr num, Expr den) implements Expr {}

    record Pow(Expr base, Expr exponent) implements Expr {}

    /**
     * A named function: log, exp, sqrt, abs, floor, ceil, max, min; a density {@code q(z)} of a
     * declared distribution; a family's density written inline, family name first, then the point,
     * then the family's parameters in the order the .deriv language writes them
     * ({@code Normal(z, mu, sigma^2)} for N(z; mu, sigma^2)); or {@code Var(x)}, a variance.
     */
    record Fn(String name, List<Expr> args) implements Expr {
        public Fn { args = List.copyOf(args); }
    }

    /** {@code sum(var = lo..hi, body)} or {@code prod(var = lo..hi, body)}. */
    record BigOp(boolean product, String var, Expr lo, Expr hi, Expr body) implements Expr {}

    /**
     * {@code E[dist](body)}: the expectation of body under a declared distribution. An empty
     * {@code dist} is an expectation written without one ({@code \mathbb{E}[z]}): the checker
     * resolves it to the one declared distribution of the variables in body, or says it cannot.
     */
    record Expect(String dist, Expr body) implements Expr {}

    /**
     * {@code integral(var = lo..hi, body)}: a definite integral over the real line or a part of it.
     * An infinite bound is the constant {@code infinity} ({@code Sym("infinity")}), or its negation
     * ({@code Neg(Sym("infinity"))}). The variable is bound in body, as a sum's index is.
     */
    record Integral(String var, Expr lo, Expr hi, Expr body) implements Expr {}

    /** {@code KL(q || p)}. */
    record Divergence(String q, String p) implements Expr {}

    /** A matrix of expressions, rectangular and not empty: {@code [[1, 2], [a, b]]}. */
    record Matrix(List<List<Expr>> rows) implements Expr {
        public Matrix {
            rows = rows.stream().map(List::copyOf).toList();
            if (rows.isEmpty() || rows.get(0).isEmpty()) throw new IllegalArgumentException("a matrix needs at least one entry");
            int cols = rows.get(0).size();
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).size() != cols) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).size() + " entries, row 1 has " + cols);
                }
            }
        }

        public int height() { return rows.size(); }

        public int width() { return rows.get(0).size(); }

        public Expr at(int i, int j) { return rows.get(i).get(j); }
    }

    static Expr num(long n) { return new Num(Rational.of(n)); }
    static Expr num(Rational r) { return new Num(r); }
    static Expr sym(String name) { return new Sym(name); }
    static Expr add(Expr... terms) { return new Add(List.of(terms)); }
    static Expr mul(Expr... factors) { return new Mul(List.of(factors)); }
    static Expr sub(Expr a, Expr b) { return new Add(List.of(a, new Neg(b))); }
    static Expr fn(String name, Expr... args) { return new Fn(name, List.of(args)); }
}
