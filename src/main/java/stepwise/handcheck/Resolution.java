package stepwise.handcheck;

import java.util.List;
import java.util.Set;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.model.Distribution;

/**
 * Gives an expectation written without its distribution ({@code \mathbb{E}[z]}) and a variance
 * ({@code \mathrm{Var}(z)}) the distribution they mean: the one declared distribution over the
 * variables the body uses; of several, the one the same chain names (a reader takes E[z] beside
 * E_q[z^2] to be under q). When there is none, or more than one even so, the relation cannot be
 * judged and the reason says which.
 */
final class Resolution {
    private Resolution() {}

    static final class Unresolved extends RuntimeException {
        Unresolved(String why) { super(why, null, false, false); }
    }

    static Expr resolve(Expr e, Givens givens, Set<String> named) {
        if (e instanceof Expr.Expect x && x.dist().isEmpty()) {
            return new Expr.Expect(distributionOf(x.body(), givens, named, "the expectation of " + stepwise.ast.Infix.print(x.body())),
                    resolve(x.body(), givens, named));
        }
        if (e instanceof Expr.Fn f && f.name().equals("Var") && f.args().size() == 1 && !givens.dists().containsKey("Var")) {
            Expr x = resolve(f.args().get(0), givens, named);
            String q = distributionOf(x, givens, named, "the variance of " + stepwise.ast.Infix.print(x));
            return Expr.sub(new Expr.Expect(q, new Expr.Pow(x, Expr.num(2))), new Expr.Pow(new Expr.Expect(q, x), Expr.num(2)));
        }
        return Exprs.map(e, c -> resolve(c, givens, named));
    }

    /** The distributions a chain names outright: E_q[...], q(z), KL(q || p). */
    static Set<String> named(List<Expr> chain, Givens givens) {
        var out = new java.util.LinkedHashSet<String>();
        for (Expr e : chain) {
            Exprs.contains(e, x -> {
                if (x instanceof Expr.Expect ex && !ex.dist().isEmpty()) out.add(ex.dist());
                if (x instanceof Expr.Fn f && givens.dists().containsKey(f.name())) out.add(f.name());
                if (x instanceof Expr.Divergence d) { out.add(d.q()); out.add(d.p()); }
                return false;
            });
        }
        return out;
    }

    private static String distributionOf(Expr body, Givens givens, Set<String> named, String what) {
        Set<String> symbols = Exprs.freeSymbols(body);
        List<Distribution> over = givens.dists().values().stream().filter(d -> symbols.contains(d.variable())).toList();
        if (over.size() == 1) return over.get(0).name();
        List<Distribution> preferred = over.stream().filter(d -> named.contains(d.name())).toList();
        if (preferred.size() == 1) return preferred.get(0).name();
        if (over.isEmpty()) {
            throw new Unresolved("no declared distribution is over the variables of " + what
                    + "; declare one, e.g. % stepwise: dist q = Normal(mu, sigma^2)");
        }
        throw new Unresolved(what + " is ambiguous: " + String.join(" and ", over.stream().map(Distribution::name).toList())
                + " are both over " + over.get(0).variable() + "; write E_" + over.get(0).name() + "[...]");
    }
}
