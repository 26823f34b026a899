package stepwise.plot;

/**
 * A plot as a pgfplots {@code tikzpicture} for LaTeX notes. The document's preamble needs the
 * pgfplots package at compatibility level 1.18: {@link #PREAMBLE}.
 */
public final class Pgfplots {
    public static final String PREAMBLE = "\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n";
    private static final String[] MARKS = {"*", "square*", "triangle*", "diamond*", "pentagon*", "o"};

    private static final java.util.Map<Character, String> GREEK = java.util.Map.ofEntries(
            java.util.Map.entry('α', "alpha"), java.util.Map.entry('β', "beta"), java.util.Map.entry('γ', "gamma"),
            java.util.Map.entry('δ', "delta"), java.util.Map.entry('ε', "epsilon"), java.util.Map.entry('θ', "theta"),
            java.util.Map.entry('λ', "lambda"), java.util.Map.entry('μ', "mu"), java.util.Map.entry('π', "pi"),
            java.util.Map.entry('σ', "sigma"), java.util.Map.entry('τ', "tau"), java.util.Map.entry('φ', "phi"),
            java.util.Map.entry('ω', "omega"), java.util.Map.entry('Σ', "Sigma"));

    private Pgfplots() {}

    public static String render(Plot plot) {
        var sb = new StringBuilder();
        sb.append("\\begin{center}\n\\begin{tikzpicture}\n\\begin{axis}[\n")
          .append("  width=0.75\\linewidth, height=6cm, grid=major,\n");
        if (!plot.title().isEmpty()) sb.append("  title={").append(escape(plot.title())).append("},\n");
        sb.append("  xlabel={").append(escape(plot.xLabel())).append("},\n")
          .append("  ylabel={").append(escape(plot.yLabel())).append("},\n");
        if (allWhole(plot)) sb.append("  xtick distance=").append(xStep(plot)).append(", ");
        else if (xs(plot).size() <= 8) sb.append("  xtick=data, "); // a few fractional values: a tick at each, not at 0.2 steps
        else sb.append("  ");
        sb.append("scaled ticks=false,\n");
        if (plot.hasLegend()) sb.append("  legend pos=outer north east, legend cell align=left,\n");
        sb.append("]\n");
        for (int i = 0; i < plot.series().size(); i++) {
            var s = plot.series().get(i);
            sb.append("\\addplot+[mark=").append(MARKS[i % MARKS.length]).append("] coordinates {");
            for (var p : s.points()) sb.append(" (").append(Ticks.label(p.x())).append(", ").append(Ticks.label(p.y())).append(')');
            sb.append(" };\n");
            if (plot.hasLegend()) sb.append("\\addlegendentry{").append(s.mathLabel() != null ? "$" + s.mathLabel() + "$" : escape(s.label())).append("}\n");
        }
        sb.append("\\end{axis}\n\\end{tikzpicture}\n\\end{center}\n");
        return sb.toString();
    }

    /** Whole-number x values get whole-number ticks, not 1.5. */
    private static boolean allWhole(Plot plot) {
        return plot.series().stream().flatMap(s -> s.points().stream()).allMatch(p -> p.x() == Math.rint(p.x()));
    }

    private static java.util.Set<Double> xs(Plot plot) {
        var out = new java.util.TreeSet<Double>();
        plot.series().forEach(s -> s.points().forEach(p -> out.add(p.x())));
        return out;
    }

    private static String xStep(Plot plot) {
        return Ticks.label(Math.max(1, Math.round(Ticks.covering(plot.minX(), plot.maxX(), 6).step())));
    }

    /** Plain words for LaTeX text mode. */
    static String escape(String s) {
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '_', '{', '}', '%', '&', '#', '$' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\^{}");
                case '~' -> sb.append("\\~{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                default -> sb.append(GREEK.containsKey(c) ? "$\\" + GREEK.get(c) + "$" : String.valueOf(c));
            }
        }
        return sb.toString();
    }
}
