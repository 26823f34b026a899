package stepwise.rules;

import java.util.List;

/** Expectations under a distribution q: linearity and constants. */
public final class ExpectationRules {
    private ExpectationRules() {}

    public static final Rule LINEARITY = Rule.of("ex-linearity", "E[a X + b Y] = a E[X] + b E[Y] for constants a, b");
    public static final Rule CONSTANT = Rule.of("ex-constant", "E[c] = c when c does not depend on the random variable");
    public static final Rule ALGEBRA = Rule.of("ex-algebra", "the coefficient and the moment are multiplied and simplified (Symja)");

    public static final RuleFamily FAMILY = new RuleFamily("ex", "Expectations", List.of(LINEARITY, CONSTANT, ALGEBRA));
}
