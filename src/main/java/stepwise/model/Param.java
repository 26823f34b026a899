package stepwise.model;

import java.util.Optional;
import stepwise.ast.Expr;
import stepwise.ast.Rational;

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

    /** Checks a value written for this parameter; symbolic values are accepted as they are. */
    public Expr validate(Expr value) {
        if (value instanceof Expr.Neg n && n.arg() instanceof Expr.Num num) value = new Expr.Num(num.value().negate());
        if (value instanceof Expr.Num n) {
            Rational r = n.value();
            if (!r.isInteger()) throw new IllegalArgumentException(title + " must be a whole number, got " + r.toDecimalString());
            if (r.compareTo(Rational.of(min)) < 0) {
                throw new IllegalArgumentException(title + (min == 1 ? " must be positive" : " must not be negative") + ", got " + r);
            }
        }
        return value;
    }
}
