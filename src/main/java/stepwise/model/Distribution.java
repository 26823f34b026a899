package stepwise.model;

import java.util.List;
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
    }

    public Expr param(int i) { return params.get(i); }

    public Expr variableSym() { return new Expr.Sym(variable); }

    /** One coordinate of an indexed distribution, with the index replaced by the given expression. */
    public Distribution coordinate(Expr at) {
        var values = params.stream().map(p -> stepwise.algebra.Exprs.substitute(p, java.util.Map.of(index.var(), at))).toList();
        return new Distribution(name + "_" + stepwise.ast.Infix.print(at), variable, family, values, null);
    }
}
