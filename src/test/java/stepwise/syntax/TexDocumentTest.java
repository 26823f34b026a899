package stepwise.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TexDocumentTest {

    @Test
    void displayMathIsFoundWithItsPlace() {
        String tex = "% stepwise: dist q = Normal(0, 1)\ntext $a$ and\n$$x = 1$$\n\\begin{align*}\n y &= 2\n\\end{align*}\n\\[ z = 3 \\]\n"
                + "$$\\begin{aligned} w &= 4 \\end{aligned}$$\n% $$ignored = 0$$\n";
        var displays = TexDocument.displays(tex);
        assertEquals(List.of("$$...$$", "align*", "\\[...\\]", "aligned"), displays.stream().map(TexDocument.Display::kind).toList());
        assertEquals(List.of(3, 4, 7, 8), displays.stream().map(TexDocument.Display::line).toList());
        assertEquals(" w &= 4 ", displays.get(3).body());
    }

    @Test
    void declarationsKeepTheirLines() {
        assertEquals("dist q = Normal(0, 1)\n\n\n", TexDocument.declarations("% stepwise: dist q = Normal(0, 1)\nx\n"));
    }
}
