package stepwise.rules;

import java.util.List;

/** Bernoulli(p) over z in {0, 1}. */
public final class BernoulliRules {
    private BernoulliRules() {}

    public static final Rule DENSITY = Rule.of("bernoulli-density", "P(z; p) = p^z (1 - p)^(1 - z) for z in {0, 1}", "0 < p < 1");
    public static final Rule MEAN = Rule.of("bernoulli-mean", "E[z] = 0 (1 - p) + 1 p = p");

    public static final RuleFamily FAMILY = new RuleFamily("bernoulli", "Bernoulli distribution", List.of(DENSITY, MEAN));
}
