package stepwise.rules;

import java.util.List;
import java.util.Optional;

/** Every rule family, in the order {@code stepwise rules} prints them. */
public final class Rules {
    private Rules() {}

    public static final List<RuleFamily> FAMILIES = List.of(
            ReceptiveFieldRules.FAMILY,
            InductionRules.FAMILY,
            OutputSizeRules.FAMILY,
            WhatIfRules.FAMILY,
            ConvRules.FAMILY,
            KlRules.FAMILY,
            LogRules.FAMILY,
            ExpectationRules.FAMILY,
            NormalRules.FAMILY,
            BernoulliRules.FAMILY,
            ExponentialRules.FAMILY,
            LaplaceRules.FAMILY,
            UniformRules.FAMILY);

    public static Optional<Rule> byId(String id) {
        return FAMILIES.stream().flatMap(f -> f.rules().stream()).filter(r -> r.id().equals(id)).findFirst();
    }
}
