package stepwise.rules;

import java.util.List;

/** Uniform(a, b) over [a, b]. */
public final class UniformRules {
    private UniformRules() {}

    public static final Rule DENSITY = Rule.of("uniform-density", "f(z; a, b) = 1/(b - a) for a <= z <= b, 0 elsewhere", "a < b");
    public static final Rule NESTED = Rule.of("uniform-nested",
            "on the support of q both log densities are constants", "the support of q lies inside the support of p");

    public static final RuleFamily FAMILY = new RuleFamily("uniform", "Uniform distribution", List.of(DENSITY, NESTED));
}
