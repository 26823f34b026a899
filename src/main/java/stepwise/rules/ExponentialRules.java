package stepwise.rules;

import java.util.List;

/** Exponential(lambda), with rate lambda, over z >= 0. */
public final class ExponentialRules {
    private ExponentialRules() {}

    public static final Rule DENSITY = Rule.of("exponential-density", "f(z; lambda) = lambda e^{-lambda z} for z >= 0", "lambda > 0");
    public static final Rule MEAN = Rule.of("exponential-mean", "E[z] = 1/lambda (the family's known mean)");

    public static final RuleFamily FAMILY = new RuleFamily("exponential", "Exponential distribution", List.of(DENSITY, MEAN));
}
