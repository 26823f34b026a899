package stepwise.print;

import java.util.ArrayList;
import java.util.List;
import stepwise.ast.Expr;
import stepwise.plot.Plot;
import stepwise.result.Result;
import stepwise.result.Verification;

/** A sweep's plot, the name of its value, and the line under it: shared by the LaTeX and Markdown printers. */
public final class Sweeps {
    private Sweeps() {}

    static String valueName(String target) {
        if (target.startsWith("receptive_field")) return "$\\mathrm{RF}$";
        if (target.startsWith("output_size")) return "output size";
        if (target.startsWith("KL")) return "$\\mathrm{KL}$";
        return "value";
    }

    private static String plainValueName(String target) {
        if (target.startsWith("receptive_field")) return "receptive field";
        if (target.startsWith("output_size")) return "output size";
        if (target.startsWith("KL")) return "KL divergence";
        return "value";
    }

    /**
     * The sweep as a plot: one curve, or for two parameters one curve per value of the second with
     * the first along x; null when a value or a parameter is not a number.
     */
    public static Plot plot(Result.Sweep w) {
        String title = plotTitle(w.call());
        String x = paramWords(w.params().get(0)), y = plainValueName(w.target());
        if (w.params().size() == 1) {
            var points = points(w.rows());
            return points == null || points.isEmpty() ? null : new Plot(title, x, y, List.of(new Plot.Series("", points)));
        }
        var series = new ArrayList<Plot.Series>();
        String second = w.params().get(1);
        for (Expr value : values(w, 1)) {
            var points = points(column(w, value));
            if (points == null || points.isEmpty()) return null;
            series.add(new Plot.Series(paramWords(second) + " = " + stepwise.ast.Infix.print(value), points,
                    Headings.param(second) + " = " + LatexExpr.of(value)));
        }
        return series.isEmpty() ? null : new Plot(title, x, y, series);
    }

    private static final java.util.regex.Pattern KL = java.util.regex.Pattern.compile("KL\\((\\w+)\\s*\\|\\|\\s*(\\w+)\\)");

    /** The plot's title in plain words (no markup: the same words go into SVG and into LaTeX text). */
    private static String plotTitle(String target) {
        var kl = KL.matcher(target);
        if (kl.matches()) return "KL divergence of " + kl.group(1) + " from " + kl.group(2);
        return Headings.derivation(target).replace("$", "");
    }

    private static List<Plot.Point> points(List<Result.SweepRow> rows) {
        var points = new ArrayList<Plot.Point>();
        for (var row : rows) {
            Double x = number(row.at().get(0)), y = number(row.value());
            if (x == null || y == null) return null;
            points.add(new Plot.Point(x, y));
        }
        return points;
    }

    /** The values a parameter takes in the sweep, in the order written (each once). */
    static List<Expr> values(Result.Sweep w, int axis) {
        var seen = new java.util.LinkedHashMap<String, Expr>();
        for (var row : w.rows()) seen.putIfAbsent(stepwise.ast.Infix.print(row.at().get(axis)), row.at().get(axis));
        return List.copyOf(seen.values());
    }

    /** The rows at one value of the second parameter: one curve, one column of the grid. */
    static List<Result.SweepRow> column(Result.Sweep w, Expr second) {
        String key = stepwise.ast.Infix.print(second);
        return w.rows().stream().filter(r -> stepwise.ast.Infix.print(r.at().get(1)).equals(key)).toList();
    }

    /** The row at a value of the first parameter and one of the second, or null when the grid has none. */
    static Result.SweepRow cell(Result.Sweep w, Expr first, Expr second) {
        String a = stepwise.ast.Infix.print(first), b = stepwise.ast.Infix.print(second);
        return w.rows().stream().filter(r -> stepwise.ast.Infix.print(r.at().get(0)).equals(a) && stepwise.ast.Infix.print(r.at().get(1)).equals(b))
                .findFirst().orElse(null);
    }

    /** A grid cell's mark after its value: nothing when verified, ✗ when its check failed, ? when it could not be checked. */
    static String mark(Verification v) {
        if (v == null || v.status() == Verification.Status.UNKNOWN) return " ?";
        return v.status() == Verification.Status.FAILED ? " ✗" : "";
    }

    /** {@code H3.d} in words for an axis label: "dilation of H3"; a bare symbol is itself. */
    static String paramWords(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) return stepwise.ast.Greek.UNICODE.getOrDefault(ref, ref);
        String key = ref.substring(dot + 1);
        String what = stepwise.model.Param.of(key).map(p -> p.title).orElse(key);
        return what + " of " + ref.substring(0, dot);
    }

    /** A value as a number for a plot: exact numbers, and closed expressions such as a KL's {@code 2 - log(2)}; else null. */
    static Double number(Expr e) {
        if (e instanceof Expr.Num n) return new java.math.BigDecimal(n.value().num()).divide(new java.math.BigDecimal(n.value().den()), java.math.MathContext.DECIMAL64).doubleValue();
        if (e instanceof Expr.Neg g && g.arg() instanceof Expr.Num n) return -number(n);
        if (!stepwise.algebra.Exprs.isClosed(e)) return null;
        try {
            double v = stepwise.algebra.Numeric.eval(e, java.util.Map.of());
            return Double.isFinite(v) ? v : null;
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    static String tally(Result.Sweep w) {
        long failed = w.rows().stream().filter(r -> r.verification() != null && r.verification().status() == Verification.Status.FAILED).count();
        long unknown = w.rows().stream().filter(r -> r.verification() == null || r.verification().status() == Verification.Status.UNKNOWN).count();
        int n = w.rows().size();
        // Window arithmetic checks a stack's values; a KL's steps are checked at random points.
        String how = w.target().startsWith("KL") ? "numerically" : "by brute force";
        if (failed > 0) return failed + " of " + n + " values fail their check (marked ✗)";
        if (unknown > 0) return (n - unknown) + " of " + n + " values verified " + how + "; " + unknown + " could not be checked (marked ?)";
        return n == 1 ? "the value verified " + how : "all " + n + " values verified " + how;
    }

    /** The reason kept as written; relations in it become math when it is escaped ({@link Justification#toLatex}). */
    static String mathRelations(String words) { return words; }
}
