package stepwise.result;

import stepwise.ast.Expr;
import stepwise.ast.Statement.Relation;

/**
 * Where a step holds, when not everywhere: "the layer has output" where {@code N >= 9}. Kept as
 * expressions, not words, so that each printer sets the relation in its own notation.
 */
public record Condition(String words, Expr left, Relation relation, Expr right) {
    public Condition {
        if (words == null || words.isBlank()) throw new IllegalArgumentException("a condition needs words saying what it means");
        if (left == null || relation == null || right == null) throw new IllegalArgumentException("a condition needs a relation");
    }
}
