package stepwise.model;

import stepwise.ast.Expr;

/** Padding as written: an amount on each side, or PyTorch's {@code same} / {@code valid}. */
public sealed interface Padding {
    record Explicit(Expr amount) implements Padding {}

    /** Output as long as the input (stride 1): d (k - 1) in all, the smaller half on the left. */
    record Same() implements Padding {}

    record Valid() implements Padding {}
}
