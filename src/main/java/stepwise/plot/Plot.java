package stepwise.plot;

import java.util.List;

/**
 * A line plot: a title, the axes' labels (plain words, no markup) and one or more series of points.
 * Renderers ({@link Svg}, {@link Pgfplots}) draw the same plot; nothing here knows about either.
 */
public record Plot(String title, String xLabel, String yLabel, List<Series> series) {

    public Plot {
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        series = List.copyOf(series);
        if (series.isEmpty()) throw new IllegalArgumentException("a plot needs at least one series");
    }

    /**
     * One curve: its legend label in words (empty for a lone curve), its points in order of x, and
     * optionally the same label as LaTeX math ({@code s_{H_{1}} = 1}) for a renderer that typesets.
     */
    public record Series(String label, List<Point> points, String mathLabel) {
        public Series {
            label = label == null ? "" : label;
            points = List.copyOf(points);
            if (points.isEmpty()) throw new IllegalArgumentException("a series needs at least one point");
        }

        public Series(String label, List<Point> points) { this(label, points, null); }
    }

    public record Point(double x, double y) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("a point must be finite, got (" + x + ", " + y + ")");
        }
    }

    /** Whether a legend is worth drawing: more than one curve, or one with a name. */
    public boolean hasLegend() { return series.size() > 1 || !series.get(0).label().isEmpty(); }

    double minX() { return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).min().orElseThrow(); }

    double maxX() { return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElseThrow(); }

    double minY() { return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).min().orElseThrow(); }

    double maxY() { return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElseThrow(); }
}
