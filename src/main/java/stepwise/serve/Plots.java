package stepwise.serve;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import stepwise.algebra.Numeric;
import stepwise.ast.Expr;
import stepwise.ast.Rational;
import stepwise.ast.Statement;
import stepwise.derive.Session;
import stepwise.plot.Plot;
import stepwise.plot.Svg;
import stepwise.result.Result;

/**
 * The plot under a what-if, drawn by the same SVG renderer as the Markdown notes' plots. A layer
 * stack's result is derived by the engine at every whole value of the slider's range (the other
 * sliders where they are); a distribution's result is its derived formula evaluated against its
 * scale (σ) with the other parameters (μ) where their sliders are.
 */
final class Plots {
    private Plots() {}

    /** Whole-valued sliders are plotted at every value; real ones at this many points. */
    private static final int CURVE_POINTS = 60;

    /**
     * The SVG plot for statement {@code index} against the slider {@code against}, or null when the
     * statement's result is not a number at these values.
     */
    static String svg(List<Statement> statements, int index, Result written, List<Knob> knobs, Map<String, Rational> values, String against) {
        Statement s = statements.get(index);
        boolean distribution = s instanceof Statement.Derive d && d.target().function().equals("KL") || Variants.isKlSweep(s);
        Knob moved = knobs.stream().filter(k -> k.id().equals(against)).findFirst().orElse(null);
        // "KL against σ for the current μ": the scale is the x axis whichever slider moved.
        Knob x = distribution ? knobs.stream().filter(k -> k.domain().equals("positive")).findFirst().orElse(moved) : moved;
        if (x == null) return null;
        List<Plot.Point> curve = distribution ? formulaCurve(formula(statements, index, written), x, values) : derivedCurve(statements, index, x, values);
        if (curve.isEmpty()) return null;
        Rational at = values.get(x.id());
        double atX = at.toDouble();
        var here = curve.stream().filter(p -> Math.abs(p.x() - atX) < 1e-9).findFirst();
        var series = new ArrayList<Plot.Series>();
        series.add(new Plot.Series(yLabel(s), curve));
        here.ifPresent(p -> series.add(new Plot.Series(x.label() + " = " + at.toDecimalString(), List.of(p))));
        return Svg.render(new Plot(title(s, x, values), x.label(), yLabel(s), series));
    }

    /** The derived KL formula: the result as written, or for a KL sweep the divergence of the distributions as declared. */
    private static Result.Derivation formula(List<Statement> statements, int index, Result written) {
        if (written instanceof Result.Derivation d) return d;
        var results = Deriver.runChecked(new Session(), Variants.build(statements, index, Map.of(), true));
        return results.get(results.size() - 1) instanceof Result.Derivation d ? d : new Result.Derivation("", 0, List.of(), null, List.of(), List.of());
    }

    private static List<Plot.Point> derivedCurve(List<Statement> statements, int index, Knob x, Map<String, Rational> values) {
        var points = new ArrayList<Plot.Point>();
        for (int v = x.min().intValueExact(); v <= x.max().intValueExact(); v++) {
            var at = new LinkedHashMap<>(values);
            at.put(x.id(), Rational.of(v));
            var results = Deriver.runChecked(new Session(), Variants.build(statements, index, at, false));
            if (!(results.get(results.size() - 1) instanceof Result.Derivation d) || d.result() == null) return List.of();
            double y = numeric(d.result(), Map.of());
            if (!Double.isFinite(y)) return List.of();
            points.add(new Plot.Point(v, y));
        }
        return points;
    }

    private static List<Plot.Point> formulaCurve(Result.Derivation written, Knob x, Map<String, Rational> values) {
        if (written.result() == null) return List.of();
        var env = new HashMap<String, Double>();
        values.forEach((k, v) -> env.put(k, v.toDouble()));
        var points = new ArrayList<Plot.Point>();
        BigDecimal step = x.max().subtract(x.min()).divide(BigDecimal.valueOf(CURVE_POINTS - 1), java.math.MathContext.DECIMAL64);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double v = x.min().add(step.multiply(BigDecimal.valueOf(i))).doubleValue();
            env.put(x.id(), v);
            double y = numeric(written.result(), env);
            if (Double.isFinite(y)) points.add(new Plot.Point(v, y));
        }
        // The slider's own value is on the curve, so that it can be marked.
        env.put(x.id(), values.get(x.id()).toDouble());
        double y = numeric(written.result(), env);
        if (Double.isFinite(y)) points.add(new Plot.Point(values.get(x.id()).toDouble(), y));
        points.sort(java.util.Comparator.comparingDouble(Plot.Point::x));
        return points;
    }

    private static double numeric(Expr e, Map<String, Double> env) {
        try {
            return Numeric.eval(e, env);
        } catch (IllegalArgumentException notANumber) {
            return Double.NaN;
        }
    }

    private static String yLabel(Statement s) {
        Statement.Target t = s instanceof Statement.Sweep w ? w.target() : ((Statement.Derive) s).target();
        return switch (t.function()) {
            case "receptive_field" -> "receptive field";
            case "output_size" -> "output size";
            default -> t.text();
        };
    }

    private static String title(Statement s, Knob x, Map<String, Rational> values) {
        var others = new ArrayList<String>();
        values.forEach((k, v) -> { if (!k.equals(x.id())) others.add(k + " = " + v.toDecimalString()); });
        return yLabel(s) + " against " + x.label() + (others.isEmpty() ? "" : " at " + String.join(", ", others));
    }
}
