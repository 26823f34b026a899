package stepwise.derive;

import java.util.List;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.model.Distribution;
import stepwise.rules.BernoulliRules;
import stepwise.rules.ExponentialRules;
import stepwise.rules.LaplaceRules;
import stepwise.rules.NormalRules;
import stepwise.rules.Rule;
import stepwise.rules.UniformRules;

/** Each family's density as a lecturer writes it: {@code 1/(sigma sqrt(2 pi)) e^{-1/2 ((z - mu)/sigma)^2}}. */
final class LectureDensities {
    private LectureDensities() {}

    static final Expr ONE = Expr.num(1);

    static Rule rule(Distribution d) {
        return switch (d.family()) {
            case NORMAL -> NormalRules.DENSITY;
            case BERNOULLI -> BernoulliRules.DENSITY;
            case EXPONENTIAL -> ExponentialRules.DENSITY;
            case LAPLACE -> LaplaceRules.DENSITY;
            case UNIFORM -> UniformRules.DENSITY;
        };
    }

    /** The density of d at the variable z. */
    static Expr density(Distribution d, String z) {
        Expr var = new Expr.Sym(z);
        return switch (d.family()) {
            case NORMAL -> normal(d.param(0), d.param(1), var);
            case BERNOULLI -> Expr.mul(new Expr.Pow(d.param(0), var), new Expr.Pow(Expr.sub(ONE, d.param(0)), Expr.sub(ONE, var)));
            case EXPONENTIAL -> Expr.mul(d.param(0), Expr.fn("exp", new Expr.Neg(Expr.mul(d.param(0), var))));
            case LAPLACE -> Expr.mul(new Expr.Div(ONE, Expr.mul(Expr.num(2), d.param(1))),
                    Expr.fn("exp", new Expr.Neg(new Expr.Div(Expr.fn("abs", centred(var, d.param(0))), d.param(1)))));
            case UNIFORM -> new Expr.Div(ONE, Expr.sub(d.param(1), d.param(0)));
        };
    }

    /** The standard deviation as the author would write it: sigma for a variance sigma^2, else sqrt(v). */
    static Expr std(Expr variance) {
        if (variance instanceof Expr.Pow p && p.exponent() instanceof Expr.Num n && n.value().equals(Rational.of(2))) return p.base();
        if (ZTerms.isOne(variance)) return ONE;
        // A perfect square is written as its root: Normal(1, 4) has standard deviation 2, not sqrt(4).
        if (variance instanceof Expr.Num n && n.value().isInteger() && n.value().signum() > 0) {
            var root = n.value().num().sqrt();
            if (root.multiply(root).equals(n.value().num())) return new Expr.Num(Rational.of(root));
        }
        return Expr.fn("sqrt", variance);
    }

    private static Expr normal(Expr mu, Expr variance, Expr z) {
        Expr sigma = std(variance);
        Expr root = Expr.fn("sqrt", Expr.mul(Expr.num(2), new Expr.Sym("pi")));
        Expr norm = new Expr.Div(ONE, ZTerms.isOne(sigma) ? root : Expr.mul(sigma, root));
        Expr ratio = ZTerms.isOne(sigma) ? centred(z, mu) : new Expr.Div(centred(z, mu), sigma);
        Expr exponent = new Expr.Neg(Expr.mul(Expr.num(Rational.of(1, 2)), new Expr.Pow(ratio, Expr.num(2))));
        return Expr.mul(norm, Expr.fn("exp", exponent));
    }

    private static Expr centred(Expr z, Expr mu) { return Moments.isZero(mu) ? z : Expr.sub(z, mu); }

    static List<Expr> factors(Expr density) {
        return density instanceof Expr.Mul m ? m.factors() : List.of(density);
    }
}
