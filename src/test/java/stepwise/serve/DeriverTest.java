package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The page re-derives a statement only when its text, or a declaration it reads, changed. */
class DeriverTest {
    private static String seed() throws Exception { return Files.readString(Path.of("derivations", "assignment2.deriv")); }

    private static String value(Deriver.Page page, String heading) {
        return page.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow().value();
    }

    @Test
    void anEditReDerivesOnlyTheStatementsThatReadWhatChanged() throws Exception {
        var deriver = new Deriver("a.deriv");
        String seed = seed();
        var first = deriver.derive(seed, () -> false);
        assertEquals(9, first.sections().stream().filter(s -> !s.status().equals("none")).count());
        assertEquals(0, deriver.derive(seed, () -> false).derived(), "unchanged text: nothing derived again");
        assertEquals(0, deriver.derive(seed.replace("# AI6126", "# edited: AI6126"), () -> false).derived(), "a comment outside statements");
        var kl = deriver.derive(seed.replace("dist q = Normal(mu, sigma^2)", "dist q = Normal(mu, 4)"), () -> false);
        assertEquals(1, kl.derived(), "only the KL reads q");
        assertEquals("-log(2) - 1/2 + 1/2*(4 + mu^2)", value(kl, "derive KL(q || p)"));
        var q1 = deriver.derive(seed.replace("H1 = conv(k=5, s=2, d=1)", "H1 = conv(k=7, s=2, d=1)"), () -> false);
        assertEquals(5, q1.derived(), "the five statements about Q1");
        assertEquals("27", value(q1, "derive receptive_field(Q1)"));
    }

    @Test
    void aCheckReadsTheNamedNumbersItMentions() {
        var deriver = new Deriver("a.deriv");
        String text = "let K_2 = 3\ncheck \"c\" {\n  K_2 + 1\n  = 4\n}\nstack T { conv(k=3) }\nderive receptive_field(T)\n";
        assertEquals(2, deriver.derive(text, () -> false).derived());
        assertEquals(1, deriver.derive(text.replace("K_2 = 3", "K_2 = 5"), () -> false).derived(), "the check, not the stack T");
    }

    @Test
    void aStatementMovedDownKeepsItsResultAtItsNewLine() {
        var deriver = new Deriver("a.deriv");
        String text = "stack S { conv(k=3) }\nderive receptive_field(S)\n";
        deriver.derive(text, () -> false);
        var moved = deriver.derive("\n\n" + text, () -> false);
        assertEquals(0, moved.derived());
        assertEquals(4, moved.sections().get(0).line());
    }

    @Test
    void aSupersededTextIsAbandoned() throws Exception {
        assertEquals(null, new Deriver("a.deriv").derive(seed(), () -> true));
    }

    @Test
    void everyBadStatementIsLocatedAndTheRestDerived() {
        var page = new Deriver("a.deriv").derive("stack S { conv(k=0) }\nderive receptive_field(S)\nstack T { conv(k=3) }\nderive receptive_field(T)\n", () -> false);
        assertTrue(page.parsed());
        assertEquals("3", value(page, "derive receptive_field(T)"));
        assertEquals("kernel size must be positive, got 0", page.problems().get(0).message());
        assertEquals(1, page.problems().get(0).line());
        assertTrue(page.problems().get(0).rendered().startsWith("a.deriv:1:"), page.problems().get(0).rendered());
    }
}
