package stepwise.rules;

import java.util.List;

/** Logarithms (natural), for positive arguments. */
public final class LogRules {
    private LogRules() {}

    public static final Rule PRODUCT = Rule.of("log-product", "log(a b) = log a + log b", "a, b > 0");
    public static final Rule QUOTIENT = Rule.of("log-quotient", "log(a / b) = log a - log b", "a, b > 0");
    public static final Rule POWER = Rule.of("log-power", "log(a^b) = b log a", "a > 0");
    public static final Rule EXP = Rule.of("log-exp", "log(e^x) = x");
    public static final Rule SIMPLIFY = Rule.of("log-simplify",
            "log-quotient, log-product and log-power together, done by Symja under the parameters' domains");

    public static final RuleFamily FAMILY = new RuleFamily("log", "Logarithms", List.of(PRODUCT, QUOTIENT, POWER, EXP, SIMPLIFY));
}
