package stepwise.rules;

import java.util.List;

/** Proof by induction and the sum and product identities its steps use. */
public final class InductionRules {
    private InductionRules() {}

    public static final Rule BASE_CASE = Rule.of("induction-base",
            "the claim holds for the first index (an empty product is 1, an empty sum 0)");
    public static final Rule HYPOTHESIS = Rule.of("induction-hypothesis",
            "assume the claim for l - 1");
    public static final Rule STEP = Rule.of("induction-step",
            "sum_{i=1}^{l-1} a_i + a_l = sum_{i=1}^{l} a_i: the recurrence adds the next term of the sum",
            "l >= 2");
    public static final Rule CONCLUSION = Rule.of("induction-conclusion",
            "base case and step together give the claim for every l, in particular l = L");

    public static final RuleFamily FAMILY = new RuleFamily("induction", "Induction",
            List.of(BASE_CASE, HYPOTHESIS, STEP, CONCLUSION));
}
