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

    /** A moment, the rule that gives it, and why it holds, in words with TeX math. */
    record Moment(Rule rule, Expr value, String why) {}

    private static String why(Rule rule) {
        return switch (rule.id()) {
            case "normal-mean" -> "the mean of a normal distribution";
            case "normal-central-second-moment" -> "the definition of the variance";
            case "normal-second-moment" -> "$\\mathbb{E}[z^2] = \\mathrm{Var}[z] + \\mathbb{E}[z]^2$";
            case "normal-shifted-second-moment" -> "$\\mathbb{E}[(z - c)^2] = \\mathrm{Var}[z] + (\\mathbb{E}[z] - c)^2$";
            case "bernoulli-mean" -> "$\\mathbb{E}[z] = 0 \\cdot (1 - p) + 1 \\cdot p$";
            case "exponential-mean" -> "the mean of an exponential distribution is its rate's reciprocal";
            case "laplace-abs-moment" -> "the distance to the location is exponential with mean $b$";
            case "laplace-shifted-abs-moment" -> "integrating on each side of $c$";
            case "laplace-mean" -> "the density is symmetric about its location";
            default -> rule.statement();
        };
    }

    private static Moment moment(Rule rule, Expr value) { return new Moment(rule, value, why(rule)); }

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
        return new Moment(mean.rule(), Exprs.substitute(zPart, Map.of(q.variable(), mean.value())), "linearity, then " + mean.why());
    }

    private static Moment mean(Distribution q) {
        return switch (q.family()) {
            case NORMAL -> moment(NormalRules.MEAN, q.param(0));
            case BERNOULLI -> moment(BernoulliRules.MEAN, q.param(0));
            case EXPONENTIAL -> moment(ExponentialRules.MEAN, new Expr.Div(Expr.num(1), q.param(0)));
            case LAPLACE -> moment(LaplaceRules.MEAN, q.param(0));
            case UNIFORM -> null;
        };
    }

    private static Moment normal(Distribution q, Expr zPart, String z) {
        if (!(zPart instanceof Expr.Pow p && p.exponent() instanceof Expr.Num two && two.value().equals(stepwise.ast.Rational.of(2)))) return null;
        Expr c = ZTerms.shift(p.base(), z);
        if (c == null) return null;
        Expr mu = q.param(0), variance = q.param(1);
        if (c.equals(mu)) return moment(NormalRules.CENTRAL_SECOND_MOMENT, variance);
        if (isZero(c)) return moment(NormalRules.SECOND_MOMENT, Expr.add(variance, square(mu)));
        Expr gap = isZero(mu) ? ZTerms.negate(c) : Expr.sub(mu, c);
        return moment(NormalRules.SHIFTED_SECOND_MOMENT, Expr.add(variance, square(gap)));
    }

    /** e^2, worked out when e is a number (a mean of 1 gives 4 + 1, not 4 + 1^2). */
    private static Expr square(Expr e) {
        if (e instanceof Expr.Num n) return new Expr.Num(n.value().multiply(n.value()));
        return new Expr.Pow(e, Expr.num(2));
    }

    private static Moment laplace(Distribution q, Expr zPart, String z) {
        if (!(zPart instanceof Expr.Fn f && f.name().equals("abs"))) return null;
        Expr c = ZTerms.shift(f.args().get(0), z);
        if (c == null) return null;
        Expr mu = q.param(0), b = q.param(1);
        if (c.equals(mu)) return moment(LaplaceRules.ABS_MOMENT, b);
        Expr gap = new Expr.Fn("abs", List.of(isZero(mu) ? ZTerms.negate(c) : Expr.sub(mu, c)));
        Expr tail = Expr.mul(b, new Expr.Fn("exp", List.of(new Expr.Neg(new Expr.Div(gap, b)))));
        return moment(LaplaceRules.SHIFTED_ABS_MOMENT, Expr.add(gap, tail));
    }

    static boolean isZero(Expr e) { return e instanceof Expr.Num n && n.value().signum() == 0; }
}
