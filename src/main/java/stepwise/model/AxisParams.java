package stepwise.model;

import stepwise.ast.Expr;
import stepwise.ast.Rational;

/** One axis of a layer's parameters, every one present (defaults filled in) and validated. */
public record AxisParams(Expr k, Expr s, Expr d, Padding p, Expr op, Expr f) {
    public static final Expr ONE = new Expr.Num(Rational.ONE);
    public static final Expr ZERO = new Expr.Num(Rational.ZERO);

    public AxisParams {
        Param.K.validate(k);
        Param.S.validate(s);
        Param.D.validate(d);
        Param.OP.validate(op);
        Param.F.validate(f);
        if (p instanceof Padding.Explicit e) Param.P.validate(e.amount());
    }

    public Expr get(Param param) {
        return switch (param) {
            case K -> k;
            case S -> s;
            case D -> d;
            case P -> p instanceof Padding.Explicit e ? e.amount() : ZERO;
            case OP -> op;
            case F -> f;
        };
    }

    public AxisParams with(Param param, Expr value) {
        return switch (param) {
            case K -> new AxisParams(value, s, d, p, op, f);
            case S -> new AxisParams(k, value, d, p, op, f);
            case D -> new AxisParams(k, s, value, p, op, f);
            case P -> new AxisParams(k, s, d, new Padding.Explicit(value), op, f);
            case OP -> new AxisParams(k, s, d, p, value, f);
            case F -> new AxisParams(k, s, d, p, op, value);
        };
    }

    /** The amount of padding on the left (or top) of this axis. */
    public Expr leftPadding() {
        if (p instanceof Padding.Explicit e) return e.amount();
        if (p instanceof Padding.Valid) return ZERO;
        // PyTorch pads d (k - 1) in all for 'same', putting the smaller half first.
        return new Expr.Fn("floor", java.util.List.of(
                new Expr.Div(new Expr.Mul(java.util.List.of(d, Expr.sub(k, ONE))), new Expr.Num(Rational.of(2)))));
    }
}
