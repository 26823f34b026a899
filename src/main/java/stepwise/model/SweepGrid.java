package stepwise.model;

import java.util.ArrayList;
import java.util.List;
import stepwise.ast.Expr;

/**
 * The points a sweep derives: one parameter with its values, or two, whose product is the grid
 * (first parameter outer, so the rows of one value of the first parameter sit together). The
 * second parameter gives one curve per value, so it has few values; the grid as a whole is capped
 * because every point is a derivation checked by brute force.
 */
public record SweepGrid(List<Axis> axes) {
    /** The most points a sweep derives (a one-parameter sweep's rows, a two-parameter sweep's grid). */
    public static final int MAX_POINTS = 10_000;
    /** The most values of a second parameter: one curve each, and more than this many curves cannot be told apart. */
    public static final int MAX_CURVES = 6;

    /** One swept parameter ({@code H3.d}) and its values in the order written. */
    public record Axis(String param, List<Expr> values) {
        public Axis {
            values = List.copyOf(values);
            if (param == null || param.isBlank()) throw new IllegalArgumentException("a swept parameter needs a name");
            if (values.isEmpty()) throw new IllegalArgumentException("no values to sweep " + param + " over");
        }
    }

    /** @throws IllegalArgumentException with a message for the writer of the sweep */
    public SweepGrid {
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("a sweep is over one or two parameters, got " + axes.size());
        }
        if (axes.size() == 2) checkPair(axes.get(0), axes.get(1));
        else if (axes.get(0).values().size() > MAX_POINTS) throw new IllegalArgumentException("a sweep has at most " + MAX_POINTS + " rows");
    }

    private static void checkPair(Axis first, Axis second) {
        if (first.param().equals(second.param())) {
            throw new IllegalArgumentException("a two-parameter sweep needs two different parameters; " + first.param() + " is given twice");
        }
        if (second.values().size() > MAX_CURVES) {
            throw new IllegalArgumentException("the second parameter of a sweep gives one curve per value: at most " + MAX_CURVES
                    + " values of " + second.param() + ", got " + second.values().size());
        }
        long points = (long) first.values().size() * second.values().size();
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("a sweep has at most " + MAX_POINTS + " points; " + first.values().size() + " values of "
                    + first.param() + " times " + second.values().size() + " of " + second.param() + " make " + points);
        }
    }

    public List<String> params() { return axes.stream().map(Axis::param).toList(); }

    /** Every point of the grid, each a value per parameter in the order of {@link #axes}; first parameter outer. */
    public List<List<Expr>> points() {
        var out = new ArrayList<List<Expr>>();
        for (Expr a : axes.get(0).values()) {
            if (axes.size() == 1) out.add(List.of(a));
            else for (Expr b : axes.get(1).values()) out.add(List.of(a, b));
        }
        return out;
    }
}
