package stepwise.model;

import java.util.List;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.ast.Statement.IndexRange;

/**
 * A declared distribution over one variable: {@code dist q(z) = Normal(mu, sigma^2)}. With an index
 * range it is a product of independent coordinates: {@code Normal(mu[j], sigma[j]^2) for j = 1..J}.
 */
public record Distribution(String name, String variable, Family family, List<Expr> params, IndexRange index) {
    public Distribution {
        params = List.copyOf(params);
        family.validate(params);
        if (name.equals(variable)) throw new IllegalArgumentException("the distribution and its variable need different names");
        for (int i = 0; i < params.size(); i++) checkParam(family.params.get(i), params.get(i), variable, index);
        if (index != null) checkIndex(index);
    }

    /** The most coordinates a distribution may have: each is derived and checked by quadrature. */
    public static final int MAX_COORDINATES = 1_000;

    private static void checkParam(String title, Expr value, String variable, IndexRange index) {
        String shown = WholeNumber.shown(value);
        if (Exprs.contains(value, e -> e instanceof Expr.Expect || e instanceof Expr.Divergence || e instanceof Expr.Integral || e instanceof Expr.Matrix)) {
            throw new IllegalArgumentException("the " + title + " must be a number or an expression in symbols, got " + shown);
        }
        if (Exprs.freeSymbols(value).contains(variable)) {
            throw new IllegalArgumentException("the " + title + " " + shown + " uses " + variable + ", the distribution's own variable; name the variable differently, as in dist q(x) = ...");
        }
        if (index == null) return; // a single coordinate of an indexed distribution keeps its symbolic index
        String allowed = index.var();
        var bad = new java.util.ArrayList<Expr>();
        Exprs.contains(value, e -> {
            if (e instanceof Expr.Indexed ix && Exprs.freeSymbols(ix.index()).stream().anyMatch(s -> !s.equals(allowed))) bad.add(e);
            return false;
        });
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("the " + title + " " + shown + " uses " + stepwise.ast.Infix.print(bad.get(0))
                    + ", whose index is not the coordinate index " + allowed);
        }
    }

    private static void checkIndex(IndexRange index) {
        var lo = WholeNumber.check(index.lo(), "the first coordinate", 0, WholeNumber.MAX_PARAM);
        if (lo.isEmpty()) throw new IllegalArgumentException("the first coordinate must be a number, got " + WholeNumber.shown(index.lo()));
        if (Exprs.freeSymbols(index.hi()).contains(index.var())) throw new IllegalArgumentException("the last coordinate cannot use the index " + index.var());
        var hi = WholeNumber.check(index.hi(), "the last coordinate", 0, WholeNumber.MAX_PARAM);
        if (hi.isEmpty()) {
            if (Exprs.freeSymbols(index.hi()).size() != 1) throw new IllegalArgumentException("the last coordinate must be a number or one symbol, got " + WholeNumber.shown(index.hi()));
            return;
        }
        if (hi.get().compareTo(lo.get()) < 0) {
            throw new IllegalArgumentException("empty range " + WholeNumber.shown(index.lo()) + ".." + WholeNumber.shown(index.hi()) + ": the coordinates run upwards, from the first to the last");
        }
        if (hi.get().subtract(lo.get()).compareTo(stepwise.ast.Rational.of(MAX_COORDINATES)) >= 0) {
            throw new IllegalArgumentException("at most " + MAX_COORDINATES + " coordinates, got " + WholeNumber.shown(index.lo()) + ".." + WholeNumber.shown(index.hi()));
        }
    }

    public Expr param(int i) { return params.get(i); }

    public Expr variableSym() { return new Expr.Sym(variable); }

    /** One coordinate of an indexed distribution, with the index replaced by the given expression. */
    public Distribution coordinate(Expr at) {
        var values = params.stream().map(p -> stepwise.algebra.Exprs.substitute(p, java.util.Map.of(index.var(), at))).toList();
        return new Distribution(name + "_" + stepwise.ast.Infix.print(at), variable, family, values, null);
    }
}
