package stepwise.derive;

import java.util.List;
import java.util.Map;
import stepwise.algebra.Exprs;
import stepwise.ast.Expr;
import stepwise.model.Distribution;
import stepwise.rules.BernoulliRules;
import stepwise.rules.ExponentialRules;
import stepwise.rules.LaplaceRules;
import stepwise.rules.NormalRules;
import stepwise.rules.Rule;

/** The moment rules of each family: E_q[f(z)] for the z-parts that log densities produce. */
final class Moments {
    private Moments() {}

    record Moment(Rule rule, Expr value) {}

    /** The expectation of a z-part under q, by a named rule, or null when no rule applies. */
    static Moment of(Distribution q, Expr zPart) {
        String z = q.variable();
        if (ZTerms.isLinear(zPart, z)) return linear(q, zPart);
        return switch (q.family()) {
            case NORMAL -> normal(q, zPart, z);
            case LAPLACE -> laplace(q, zPart, z);
            default -> null;
        };
    }

    /** E[a + b z] = a + b E[z]: the z-part with z replaced by the mean. */
    private static Moment linear(Distribution q, Expr zPart) {
        Moment mean = mean(q);
        if (mean == null) return null;
        if (zPart instanceof Expr.Sym) return mean;
        return new Moment(mean.rule(), Exprs.substitute(zPart, Map.of(q.variable(), mean.value())));
    }

    private static Moment mean(Distribution q) {
        return switch (q.family()) {
            case NORMAL -> new Moment(NormalRules.MEAN, q.param(0));
            case BERNOULLI -> new Moment(BernoulliRules.MEAN, q.param(0));
            case EXPONENTIAL -> new Moment(ExponentialRules.MEAN, new Expr.Div(Expr.num(1), q.param(0)));
            case LAPLACE -> new Moment(LaplaceRules.MEAN, q.param(0));
            case UNIFORM -> null;
        };
    }

    private static Moment normal(Distribution q, Expr zPart, String z) {
        if (!(zPart instanceof Expr.Pow p && p.exponent() instanceof Expr.Num two && two.value().equals(stepwise.ast.Rational.of(2)))) return null;
        Expr c = ZTerms.shift(p.base(), z);
        if (c == null) return null;
        Expr mu = q.param(0), variance = q.param(1);
        if (c.equals(mu)) return new Moment(NormalRules.CENTRAL_SECOND_MOMENT, variance);
        if (isZero(c)) return new Moment(NormalRules.SECOND_MOMENT, Expr.add(variance, new Expr.Pow(mu, Expr.num(2))));
        Expr gap = isZero(mu) ? ZTerms.negate(c) : Expr.sub(mu, c);
        return new Moment(NormalRules.SHIFTED_SECOND_MOMENT, Expr.add(variance, new Expr.Pow(gap, Expr.num(2))));
    }

    private static Moment laplace(Distribution q, Expr zPart, String z) {
        if (!(zPart instanceof Expr.Fn f && f.name().equals("abs"))) return null;
        Expr c = ZTerms.shift(f.args().get(0), z);
        if (c == null) return null;
        Expr mu = q.param(0), b = q.param(1);
        if (c.equals(mu)) return new Moment(LaplaceRules.ABS_MOMENT, b);
        Expr gap = new Expr.Fn("abs", List.of(isZero(mu) ? ZTerms.negate(c) : Expr.sub(mu, c)));
        Expr tail = Expr.mul(b, new Expr.Fn("exp", List.of(new Expr.Neg(new Expr.Div(gap, b)))));
        return new Moment(LaplaceRules.SHIFTED_ABS_MOMENT, Expr.add(gap, tail));
    }

    static boolean isZero(Expr e) { return e instanceof Expr.Num n && n.value().signum() == 0; }
}
