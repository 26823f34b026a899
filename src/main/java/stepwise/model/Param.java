package stepwise.model;

import java.util.Optional;
import stepwise.ast.Expr;

/** A layer parameter, its spelling, what it is called in messages, and the least value it may take. */
public enum Param {
    K("k", "kernel size", 1),
    S("s", "stride", 1),
    D("d", "dilation", 1),
    P("p", "padding", 0),
    OP("op", "output padding", 0),
    F("f", "scale factor", 1);

    public final String key;
    public final String title;
    public final int min;

    Param(String key, String title, int min) {
        this.key = key;
        this.title = title;
        this.min = min;
    }

    public static Optional<Param> of(String key) {
        for (Param p : values()) if (p.key.equals(key)) return Optional.of(p);
        return Optional.empty();
    }

    /**
     * Checks a value written for this parameter: a whole number from {@link #min} to
     * {@link WholeNumber#MAX_PARAM}, or an arithmetic expression in symbols, accepted as written.
     *
     * @throws IllegalArgumentException with a message naming the parameter
     */
    public Expr validate(Expr value) {
        WholeNumber.check(value, title, min, WholeNumber.MAX_PARAM);
        return value;
    }
}
