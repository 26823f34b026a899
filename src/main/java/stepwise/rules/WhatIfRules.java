package stepwise.rules;

import java.util.List;

/** Making a parameter symbolic, sweeping it, solving for it. */
public final class WhatIfRules {
    private WhatIfRules() {}

    public static final Rule SUBSTITUTE = Rule.of("whatif-substitute",
            "a parameter is replaced by the value or symbol given in 'where'");
    public static final Rule SWEEP = Rule.of("whatif-sweep", "the derivation is repeated for each value of the parameter");
    public static final Rule AFFINE = Rule.of("whatif-affine",
            "RF is affine in any one layer parameter x: RF(x) = RF(x0) + (RF(x0 + 1) - RF(x0)) (x - x0)",
            "x appears in one layer parameter (k, s or d); checked at a third value");
    public static final Rule THRESHOLD = Rule.of("whatif-threshold",
            "the smallest integer x >= x0 with a + b x (relation) T is x0, ceil((T - a) / b) or floor((T - a) / b) + 1");

    public static final Rule MONOTONE = Rule.of("whatif-monotone",
            "RF never decreases as one layer's k, s or d grows; the smallest x >= x0 with RF(x) >= T is found by doubling, then halving",
            "the answer and the value below it are checked by window arithmetic");

    public static final RuleFamily FAMILY = new RuleFamily("whatif", "What-if",
            List.of(SUBSTITUTE, SWEEP, AFFINE, THRESHOLD, MONOTONE));
}
