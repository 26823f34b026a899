package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import stepwise.Fixtures;

/** {@code derive --style notes|full}, and the SVG plots {@code derive --format markdown -o notes.md} writes beside the notes. */
class StyleAndPlotFilesTest {
    private static final String Q1 = "stack Q1 {\n  H1 = conv(k=5, s=2, d=1)\n  H2 = conv(k=3, s=1)\n  H3 = conv(k=5, d=2)\n}\n";

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void fullStyleAddsRuleIdsAndMarksThatNotesLeaveOut() throws IOException {
        Path in = write("q.deriv", Q1 + "derive receptive_field(Q1)\n");
        for (String format : new String[] {"latex", "markdown"}) {
            var notes = Fixtures.cli("derive", in.toString(), "--format", format);
            var explicitNotes = Fixtures.cli("derive", in.toString(), "--format", format, "--style", "notes");
            var full = Fixtures.cli("derive", in.toString(), "--format", format, "--style", "full");
            assertEquals(0, notes.status(), notes.err());
            assertEquals(0, full.status(), full.err());
            assertEquals(notes.out(), explicitNotes.out(), format + ": notes is the default");
            for (String id : new String[] {"rf-base", "rf-recurrence", "rf-jump"}) {
                assertTrue(full.out().contains(id), format + " full names " + id);
                assertFalse(notes.out().contains(id), format + " notes leave out " + id);
            }
            assertTrue(notes.out().contains("25") && full.out().contains("25"), format);
        }
        assertTrue(Fixtures.cli("derive", in.toString(), "--format", "latex", "--style", "full").out().contains("\\checkmark"));
        assertFalse(Fixtures.cli("derive", in.toString(), "--format", "latex").out().contains("\\checkmark"));
    }

    @Test
    void textAndJsonCarryEverythingInEitherStyle() throws IOException {
        Path in = write("q.deriv", Q1 + "derive receptive_field(Q1)\n");
        for (String format : new String[] {"text", "json"}) {
            var notes = Fixtures.cli("derive", in.toString(), "--format", format, "--style", "notes");
            var full = Fixtures.cli("derive", in.toString(), "--format", format, "--style", "full");
            assertEquals(notes.out(), full.out(), format);
            assertTrue(full.out().contains("rf-recurrence"), format);
        }
    }

    @Test
    void anUnknownStyleIsAUsageError() throws IOException {
        Path in = write("q.deriv", Q1 + "derive receptive_field(Q1)\n");
        var run = Fixtures.cli("derive", in.toString(), "--format", "latex", "--style", "short");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("unknown style 'short'; styles are notes, full"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void markdownWrittenToAFileHasEachSweepsPlotBesideIt() throws Exception {
        Path in = write("q.deriv", Q1 + "sweep receptive_field(Q1) over H3.d = 1..4\n"
                + "sweep receptive_field(Q1) over H3.d = 1..4, H1.s = [1, 2]\n");
        Path out = dir.resolve("notes.md");
        var run = Fixtures.cli("derive", in.toString(), "--format", "markdown", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("notes-sweep-1.svg", "notes-sweep-2.svg", "notes.md", "q.deriv"), files());
        String md = Files.readString(out);
        assertTrue(md.contains("](notes-sweep-1.svg)"), md);
        assertTrue(md.contains("![Receptive field of Q1 against dilation of H3, one curve per stride of H1](notes-sweep-2.svg)"), md);

        var one = xml(Files.readString(dir.resolve("notes-sweep-1.svg")));
        assertEquals(1, one.getElementsByTagName("polyline").getLength());
        assertEquals(4, one.getElementsByTagName("circle").getLength());

        String svg = Files.readString(dir.resolve("notes-sweep-2.svg"));
        var two = xml(svg);
        assertEquals(2, two.getElementsByTagName("polyline").getLength(), "one curve per value of H1.s");
        var words = new ArrayList<String>();
        var texts = two.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) words.add(texts.item(i).getTextContent());
        assertTrue(words.contains("stride of H1 = 1") && words.contains("stride of H1 = 2"), "a legend entry per curve: " + words);
        assertTrue(words.contains("dilation of H3"), "x axis: the first parameter");
        // The curve for stride 2 runs through 17, 25, 33, 41 (and stride 1 through 11, 15, 19, 23): the higher one on the page.
        String[] first = ((org.w3c.dom.Element) two.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ");
        String[] second = ((org.w3c.dom.Element) two.getElementsByTagName("polyline").item(1)).getAttribute("points").split(" ");
        assertEquals(4, first.length);
        assertTrue(Double.parseDouble(second[3].split(",")[1]) < Double.parseDouble(first[3].split(",")[1]), "stride 2 climbs higher");
    }

    @Test
    void noPlotFileWithoutAMarkdownFile() throws IOException {
        Path in = write("q.deriv", Q1 + "sweep receptive_field(Q1) over H3.d = 1..4, H1.s = [1, 2]\n");
        var stdout = Fixtures.cli("derive", in.toString(), "--format", "markdown");
        assertEquals(0, stdout.status(), stdout.err());
        assertFalse(stdout.out().contains(".svg"), "Markdown on standard output links no image");
        var tex = Fixtures.cli("derive", in.toString(), "--format", "latex", "-o", dir.resolve("notes.tex").toString());
        assertEquals(0, tex.status(), tex.err());
        assertTrue(Files.readString(dir.resolve("notes.tex")).contains("\\addlegendentry{$s_{H_{1}} = 2$}"));
        assertEquals(List.of("notes.tex", "q.deriv"), files(), "LaTeX draws its plots inline");
    }

    @Test
    void aSweepWithSymbolicValuesHasNoPlotAndTheNextOneKeepsNumberOne() throws IOException {
        Path in = write("q.deriv", Q1 + "sweep receptive_field(Q1) over H3.d = [1, t]\nsweep receptive_field(Q1) over H3.d = 1..2, H1.s = [1, 2]\n");
        var run = Fixtures.cli("derive", in.toString(), "--format", "markdown", "-o", dir.resolve("n.md").toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("n-sweep-1.svg", "n.md", "q.deriv"), files());
        assertTrue(Files.readString(dir.resolve("n.md")).contains("](n-sweep-1.svg)"));
    }
}
