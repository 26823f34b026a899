package stepwise.plot;

import java.util.List;
import java.util.Locale;

/**
 * A plot as a standalone SVG image (fixed size, no scripts, no external fonts), for a Markdown file
 * or a web page. The output is deterministic, so it can be kept as a golden file.
 */
public final class Svg {
    static final int WIDTH = 560;
    static final int HEIGHT = 360;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    private static final int INSET = 8;
    /** Colour-blind-safe (Okabe-Ito), and each series also has its own marker, for print in grey. */
    private static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    private Svg() {}

    public static String render(Plot plot) {
        var x = Ticks.covering(plot.minX(), plot.maxX(), 6);
        var y = Ticks.covering(yFloor(plot), plot.maxY(), 5);
        var frame = new Frame(x, y);
        var sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
          .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
          .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n");
        sb.append("<title>").append(escape(plot.title())).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        if (!plot.title().isEmpty()) {
            sb.append(text(WIDTH / 2.0, 22, "middle", plot.title(), " font-size=\"15\""));
        }
        grid(frame, sb);
        sb.append(text(LEFT + frame.plotWidth() / 2.0, HEIGHT - 12, "middle", plot.xLabel(), ""));
        sb.append("<text x=\"16\" y=\"").append(fmt(TOP + frame.plotHeight() / 2.0)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
          .append(fmt(TOP + frame.plotHeight() / 2.0)).append(")\">").append(escape(plot.yLabel())).append("</text>\n");
        for (int i = 0; i < plot.series().size(); i++) series(plot.series().get(i), i, frame, sb);
        if (plot.hasLegend()) legend(plot, sb);
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** The y axis starts at zero when the values are positive and zero is near enough to show the scale honestly. */
    private static double yFloor(Plot plot) {
        double min = plot.minY();
        return min >= 0 && min <= 0.5 * plot.maxY() ? 0 : min;
    }

    private record Frame(Ticks x, Ticks y) {
        double plotWidth() { return WIDTH - LEFT - RIGHT; }

        double plotHeight() { return HEIGHT - TOP - BOTTOM; }

        /** Data sit {@code INSET} inside the frame, so a marker on the last tick is drawn whole. */
        double px(double v) { return LEFT + INSET + (v - x.low()) / (x.high() - x.low()) * (plotWidth() - 2 * INSET); }

        double py(double v) { return TOP + plotHeight() - INSET - (v - y.low()) / (y.high() - y.low()) * (plotHeight() - 2 * INSET); }
    }

    private static void grid(Frame f, StringBuilder sb) {
        sb.append("<g stroke=\"#dddddd\" stroke-width=\"1\">\n");
        for (double v : f.x().values()) sb.append(line(f.px(v), TOP, f.px(v), TOP + f.plotHeight()));
        for (double v : f.y().values()) sb.append(line(LEFT, f.py(v), LEFT + f.plotWidth(), f.py(v)));
        sb.append("</g>\n");
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(f.plotWidth()))
          .append("\" height=\"").append(fmt(f.plotHeight())).append("\" fill=\"none\" stroke=\"#333333\"/>\n");
        sb.append("<g fill=\"#333333\">\n");
        for (double v : f.x().values()) sb.append(text(f.px(v), TOP + f.plotHeight() + 18, "middle", Ticks.label(v), ""));
        for (double v : f.y().values()) sb.append(text(LEFT - 8, f.py(v) + 4, "end", Ticks.label(v), ""));
        sb.append("</g>\n");
    }

    private static void series(Plot.Series s, int index, Frame f, StringBuilder sb) {
        String colour = COLOURS.get(index % COLOURS.size());
        if (s.points().size() > 1) {
            sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < s.points().size(); i++) {
                var p = s.points().get(i);
                sb.append(i == 0 ? "" : " ").append(fmt(f.px(p.x()))).append(',').append(fmt(f.py(p.y())));
            }
            sb.append("\"/>\n");
        }
        for (var p : s.points()) sb.append(marker(index, f.px(p.x()), f.py(p.y()), colour));
    }

    private static String marker(int index, double cx, double cy, String colour) {
        return switch (index % 3) {
            case 0 -> "<circle cx=\"" + fmt(cx) + "\" cy=\"" + fmt(cy) + "\" r=\"4\" fill=\"" + colour + "\"/>\n";
            case 1 -> "<rect x=\"" + fmt(cx - 4) + "\" y=\"" + fmt(cy - 4) + "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>\n";
            default -> "<polygon points=\"" + fmt(cx) + "," + fmt(cy - 5) + " " + fmt(cx + 5) + "," + fmt(cy + 4) + " " + fmt(cx - 5) + ","
                    + fmt(cy + 4) + "\" fill=\"" + colour + "\"/>\n";
        };
    }

    private static void legend(Plot plot, StringBuilder sb) {
        double x = LEFT + 12;
        double y = TOP + 16;
        int widest = plot.series().stream().mapToInt(s -> s.label().length()).max().orElse(0);
        sb.append("<rect x=\"").append(fmt(x - 6)).append("\" y=\"").append(fmt(y - 12)).append("\" width=\"").append(fmt(40 + 7.5 * widest))
          .append("\" height=\"").append(fmt(18.0 * plot.series().size() + 4)).append("\" fill=\"white\" stroke=\"#bbbbbb\"/>\n");
        for (int i = 0; i < plot.series().size(); i++) {
            String colour = COLOURS.get(i % COLOURS.size());
            double row = y + 18.0 * i;
            sb.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(row - 4)).append("\" x2=\"").append(fmt(x + 22))
              .append("\" y2=\"").append(fmt(row - 4)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
            sb.append(marker(i, x + 11, row - 4, colour));
            sb.append(text(x + 28, row, "start", plot.series().get(i).label(), ""));
        }
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String words, String extra) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" + escape(words) + "</text>\n";
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
