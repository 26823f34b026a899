package stepwise.rules;

import java.util.List;

/** The Kullback-Leibler divergence: its definition and what follows from it directly. */
public final class KlRules {
    private KlRules() {}

    public static final Rule DEFINITION = Rule.of("kl-definition", "KL(q || p) = E_q[log q(z) - log p(z)]");
    public static final Rule DENSITIES = Rule.of("kl-densities", "q(z) and p(z) are replaced by their families' densities");
    public static final Rule INDEPENDENT = Rule.of("kl-independent",
            "for independent coordinates, KL(prod_j q_j || prod_j p_j) = sum_j KL(q_j || p_j): the log of a product is the sum of the logs");
    public static final Rule INFINITE = Rule.of("kl-infinite",
            "KL(q || p) is infinite when q gives probability to a set where p has none");
    public static final Rule COLLECT = Rule.of("kl-collect", "the terms are added, and a common factor is taken out");

    public static final RuleFamily FAMILY = new RuleFamily("kl", "Kullback-Leibler divergence",
            List.of(DEFINITION, DENSITIES, INDEPENDENT, INFINITE, COLLECT));
}
