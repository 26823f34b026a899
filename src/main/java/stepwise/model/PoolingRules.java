package stepwise.model;

import java.util.Map;
import stepwise.algebra.Exact;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Span;
import stepwise.ast.Statement;
import stepwise.diag.BadInput;

/** What PyTorch refuses or adds for pooling and upsampling layers: padding over half the window, ceil_mode, the upsampling mode. */
final class PoolingRules {
    private PoolingRules() {}

    /** {@code ceil_mode=true} or {@code false} (PyTorch's spelling, True/False, too), for pooling layers only. */
    static boolean ceilMode(LayerKind kind, Statement.Arg arg) {
        if (kind != LayerKind.MAXPOOL && kind != LayerKind.AVGPOOL) {
            throw new BadInput(arg.span(), "ceil_mode is for pooling layers (maxpool, avgpool), not " + kind.keyword);
        }
        if (arg.values().size() == 1 && arg.values().get(0) instanceof Expr.Sym s) {
            switch (s.name()) {
                case "true", "True" -> { return true; }
                case "false", "False" -> { return false; }
                default -> { }
            }
        }
        throw new BadInput(arg.span(), "ceil_mode is true or false");
    }

    /** {@code mode=nearest} (the default) or {@code mode=linear} ({@code bilinear} on two axes), for upsampling layers only. */
    static boolean linearMode(LayerKind kind, Statement.Arg arg) {
        if (kind != LayerKind.UPSAMPLE) throw new BadInput(arg.span(), "mode is for upsampling layers, not " + kind.keyword);
        if (arg.values().size() == 1 && arg.values().get(0) instanceof Expr.Sym s) {
            switch (s.name()) {
                case "nearest" -> { return false; }
                case "linear", "bilinear" -> { return true; }
                default -> { }
            }
        }
        throw new BadInput(arg.span(), "upsampling mode is nearest or linear (bilinear)");
    }

    /**
     * PyTorch refuses pooling padding over half the effective window: "pad should be at most half of
     * effective kernel size" (p <= (d (k - 1) + 1) / 2, rounded down).
     */
    static void checkPadding(LayerKind kind, AxisParams params, Span span) {
        if (kind != LayerKind.MAXPOOL && kind != LayerKind.AVGPOOL) return;
        if (!(params.p() instanceof Padding.Explicit e)) return;
        Rational p, k, d;
        try {
            p = Exact.eval(e.amount(), Map.of());
            k = Exact.eval(params.k(), Map.of());
            d = Exact.eval(params.d(), Map.of());
        } catch (Exact.NotExact symbolic) {
            return; // checked when the symbols have values
        }
        Rational effective = d.multiply(k.subtract(Rational.ONE)).add(Rational.ONE);
        Rational half = Rational.of(effective.divide(Rational.of(2)).floor());
        if (p.compareTo(half) > 0) {
            throw new BadInput(span, "pooling padding must be at most half the window (" + effective + "/2, rounded down: " + half + "), got p=" + p
                    + "; PyTorch refuses it: \"pad should be at most half of effective kernel size\"");
        }
    }
}
