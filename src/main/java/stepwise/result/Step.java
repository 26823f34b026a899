package stepwise.result;

import java.util.List;
import stepwise.ast.Expr;

/**
 * One step of a derivation: {@code subject = chain[0] = chain[1] = ...}, made by a named rule,
 * with why it holds and how it was checked. The first link is the step's "before", the last its
 * "after". {@code section} groups steps for printing ("layer H2", "inductive step"); {@code condition},
 * when not null, says where the step holds.
 */
public record Step(String section, String rule, Expr subject, List<Expr> chain, String justification,
                   Verification verification, Condition condition) {
    public Step {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) throw new IllegalArgumentException("a step needs at least one expression");
        if (rule == null || rule.isBlank()) throw new IllegalArgumentException("a step needs a rule");
    }

    /** A step that holds wherever its expressions are defined. */
    public Step(String section, String rule, Expr subject, List<Expr> chain, String justification, Verification verification) {
        this(section, rule, subject, chain, justification, verification, null);
    }

    public Expr before() { return chain.get(0); }

    public Expr after() { return chain.get(chain.size() - 1); }

    public Step verifiedBy(Verification v) { return new Step(section, rule, subject, chain, justification, v, condition); }
}
