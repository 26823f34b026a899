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

    /** The sweep as a plot, one curve; null when a value or a parameter is not a number. */
    public static Plot plot(Result.Sweep w) {
        var points = new ArrayList<Plot.Point>();
        for (var row : w.rows()) {
            Double x = number(row.param()), y = number(row.value());
            if (x == null || y == null) return null;
            points.add(new Plot.Point(x, y));
        }
        if (points.isEmpty()) return null;
        String title = Headings.derivation(w.target()).replace("$", "");
        return new Plot(title, paramWords(w.param()), plainValueName(w.target()), List.of(new Plot.Series("", points)));
    }

    /** {@code H3.d} in words for an axis label: "dilation of H3"; a bare symbol is itself. */
    static String paramWords(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) return ref;
        String what = switch (ref.substring(dot + 1)) {
            case "k" -> "kernel size";
            case "s" -> "stride";
            case "d" -> "dilation";
            case "p" -> "padding";
            case "op" -> "output padding";
            case "f" -> "scale factor";
            default -> ref.substring(dot + 1);
        };
        return what + " of " + ref.substring(0, dot);
    }

    static Double number(Expr e) {
        if (e instanceof Expr.Num n) return new java.math.BigDecimal(n.value().num()).divide(new java.math.BigDecimal(n.value().den()), java.math.MathContext.DECIMAL64).doubleValue();
        if (e instanceof Expr.Neg g && g.arg() instanceof Expr.Num n) return -number(n);
        return null;
    }

    static String tally(Result.Sweep w) {
        long failed = w.rows().stream().filter(r -> r.verification() != null && r.verification().status() == Verification.Status.FAILED).count();
        String rows = w.rows().size() == 1 ? "the value" : "all " + w.rows().size() + " values";
        return failed == 0 ? rows + " verified by brute force" : failed + " of " + w.rows().size() + " values fail their check (marked ✗)";
    }

    /** The reason kept as written; relations in it become math when it is escaped ({@link Justification#toLatex}). */
    static String mathRelations(String words) { return words; }
}
