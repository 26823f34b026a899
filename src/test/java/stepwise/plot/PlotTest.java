package stepwise.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import stepwise.tex.Pdflatex;

class PlotTest {
    private static final Plot RF = new Plot("Receptive field of Q1", "H3.d", "receptive field",
            List.of(new Plot.Series("", List.of(new Plot.Point(1, 17), new Plot.Point(2, 25), new Plot.Point(3, 33), new Plot.Point(4, 41)))));

    private static final Plot TWO = new Plot("KL against σ", "σ", "KL(q ‖ p) & more <nats>", List.of(
            new Plot.Series("μ = 0", List.of(new Plot.Point(0.5, 0.318), new Plot.Point(1, 0), new Plot.Point(2, 0.807))),
            new Plot.Series("μ = 1", List.of(new Plot.Point(0.5, 0.818), new Plot.Point(1, 0.5), new Plot.Point(2, 1.307)))));

    @Test void svgIsWellFormedAndDrawsEveryPointInsideTheFrame() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(Svg.render(RF))));
        var circles = doc.getElementsByTagName("circle");
        assertEquals(4, circles.getLength());
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        for (int i = 0; i < circles.getLength(); i++) {
            var c = (Element) circles.item(i);
            xs.add(Double.parseDouble(c.getAttribute("cx")));
            ys.add(Double.parseDouble(c.getAttribute("cy")));
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(xs.get(i) > 0 && xs.get(i) < Svg.WIDTH && ys.get(i) > 0 && ys.get(i) < Svg.HEIGHT, "point " + i + " inside");
            if (i > 0) assertTrue(xs.get(i) > xs.get(i - 1) && ys.get(i) < ys.get(i - 1), "larger x right, larger y up");
        }
        // Equal steps in the data are equal steps on the page: the line is straight.
        assertEquals(xs.get(1) - xs.get(0), xs.get(3) - xs.get(2), 0.11);
        assertEquals(ys.get(1) - ys.get(0), ys.get(3) - ys.get(2), 0.11);
        assertTrue(Svg.render(RF).contains(">Receptive field of Q1</text>"));
    }

    @Test void svgEscapesWordsAndDrawsALegendForSeveralCurves() throws Exception {
        String svg = Svg.render(TWO);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains("KL(q ‖ p) &amp; more &lt;nats&gt;"));
        assertTrue(svg.contains(">μ = 1</text>"));
    }

    @Test void ticksAreRoundAndCoverTheData() {
        var t = Ticks.covering(17, 41, 5);
        assertEquals(List.of(15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0), t.values());
        assertEquals("0.5", Ticks.label(0.5));
        assertEquals("12", Ticks.label(12.0));
        assertEquals("-0.125", Ticks.label(-0.125));
        var flat = Ticks.covering(3, 3, 5);
        assertTrue(flat.low() < 3 && flat.high() > 3);
    }

    @Test void pointsMustBeFiniteAndSeriesNonEmpty() {
        assertEquals("a point must be finite, got (1.0, NaN)", assertThrows(IllegalArgumentException.class, () -> new Plot.Point(1, Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Plot.Series("", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Plot("t", "x", "y", List.of()));
    }

    @Test void pgfplotsListsTheCoordinatesAndEscapesWords() {
        String tex = Pgfplots.render(TWO);
        assertTrue(tex.contains("coordinates { (0.5, 0.318) (1, 0) (2, 0.807) };"), tex);
        assertTrue(tex.contains("ylabel={KL(q ‖ p) \\& more \\textless{}nats\\textgreater{}}"), tex);
        assertTrue(tex.contains("\\addlegendentry{$\\mu$ = 1}"), tex);
        assertTrue(Pgfplots.render(RF).contains("xtick distance=1"));
    }

    @Test void pgfplotsCompilesWithoutErrorsOrOverfullBoxes(@TempDir Path dir) throws Exception {
        assumeTrue(Pdflatex.available(), "pdflatex is installed by .ci/run; this machine lacks it");
        String doc = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{newunicodechar}\n"
                + "\\newunicodechar{‖}{\\ensuremath{\\Vert}}\n" + Pgfplots.PREAMBLE
                + "\\begin{document}\n" + Pgfplots.render(RF) + Pgfplots.render(TWO) + "\\end{document}\n";
        var out = Pdflatex.compile(doc, dir, "plots");
        assertTrue(out.clean(), String.join("\n", out.problems()) + "\nexit " + out.exitCode());
    }
}
