package stepwise.rules;

import java.util.List;

/** Normal(mu, sigma^2): density and moments. */
public final class NormalRules {
    private NormalRules() {}

    public static final Rule DENSITY = Rule.of("normal-density",
            "N(z; mu, sigma^2) = 1/(sigma sqrt(2 pi)) e^{-1/2 ((z - mu)/sigma)^2}", "sigma > 0");
    public static final Rule MEAN = Rule.of("normal-mean", "E[z] = mu (the family's known mean)");
    public static final Rule CENTRAL_SECOND_MOMENT = Rule.of("normal-central-second-moment",
            "E[(z - mu)^2] = sigma^2 (the definition of the variance)");
    public static final Rule SECOND_MOMENT = Rule.of("normal-second-moment",
            "E[z^2] = sigma^2 + mu^2 (from sigma^2 = E[z^2] - E[z]^2)");
    public static final Rule SHIFTED_SECOND_MOMENT = Rule.of("normal-shifted-second-moment",
            "E[(z - c)^2] = sigma^2 + (mu - c)^2 (expand (z - mu + mu - c)^2; the cross term has mean 0)");

    public static final RuleFamily FAMILY = new RuleFamily("normal", "Normal distribution",
            List.of(DENSITY, MEAN, CENTRAL_SECOND_MOMENT, SECOND_MOMENT, SHIFTED_SECOND_MOMENT));
}
