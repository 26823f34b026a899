package stepwise.print;

import stepwise.ast.Statement.Relation;

/** Relations as LaTeX symbols. */
final class LatexRelations {
    private LatexRelations() {}

    static String of(Relation r) {
        return switch (r) {
            case EQ -> "=";
            case LT -> "<";
            case LE -> "\\leq";
            case GT -> ">";
            case GE -> "\\geq";
            case APPROX -> "\\approx";
        };
    }
}
