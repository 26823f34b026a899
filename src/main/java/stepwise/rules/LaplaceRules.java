package stepwise.rules;

import java.util.List;

/** Laplace(mu, b): location mu, scale b. */
public final class LaplaceRules {
    private LaplaceRules() {}

    public static final Rule DENSITY = Rule.of("laplace-density", "f(z; mu, b) = 1/(2 b) e^{-|z - mu|/b}", "b > 0");
    public static final Rule ABS_MOMENT = Rule.of("laplace-abs-moment", "E[|z - mu|] = b (|z - mu| is exponential with mean b)");
    public static final Rule SHIFTED_ABS_MOMENT = Rule.of("laplace-shifted-abs-moment",
            "E[|z - c|] = |mu - c| + b e^{-|mu - c|/b} (integrate each side of c)");
    public static final Rule MEAN = Rule.of("laplace-mean", "E[z] = mu (the density is symmetric about mu)");

    public static final RuleFamily FAMILY = new RuleFamily("laplace", "Laplace distribution", List.of(DENSITY, ABS_MOMENT, SHIFTED_ABS_MOMENT, MEAN));
}
