package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.rules.Rules;

class CliTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void rulesListsEveryRuleWithItsStatement() {
        var run = Fixtures.cli("rules");
        assertEquals(0, run.status());
        Rules.FAMILIES.forEach(f -> f.rules().forEach(r -> {
            assertTrue(run.out().contains(r.id() + " "), r.id());
            assertTrue(run.out().contains(r.statement()), r.statement());
        }));
    }

    @Test
    void deriveWritesTheOutputFileAndLeavesNoTemporaryFile() throws IOException {
        Path in = write("q.deriv", "stack Q { conv(k=3) }\nderive receptive_field(Q)\n");
        Path out = dir.resolve("q.tex");
        var run = Fixtures.cli("derive", in.toString(), "--format", "latex", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertTrue(Files.readString(out).contains("\\begin{align*}"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the input and the output remain");
        }
    }

    @Test
    void theInputIsNeverOverwritten() throws IOException {
        String source = "stack Q { conv(k=3) }\nderive receptive_field(Q)\n";
        Path in = write("q.deriv", source);
        var run = Fixtures.cli("derive", in.toString(), "-o", in.toString());
        assertEquals(2, run.status());
        assertEquals(in + ": error: refusing to overwrite the input file", run.err().strip());
        assertEquals(source, Files.readString(in));
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path in = write("q.deriv", "stack Q { conv(k=3) }\n");
        assertEquals(2, Fixtures.cli("derive", in.toString(), "--format", "xml").status());
        assertEquals(2, Fixtures.cli().status());
        assertEquals(2, Fixtures.cli("derive").status());
        assertEquals(2, Fixtures.cli("frobnicate").status());
        assertEquals(2, Fixtures.cli("check", in.toString(), "--format", "latex").status());
    }

    @Test
    void everyFormatPrintsTheSeedAnswers() throws IOException {
        Path in = write("q.deriv", "stack Q1 { H1 = conv(k=5, s=2)\n H2 = conv(k=3)\n H3 = conv(k=5, d=2) }\nderive receptive_field(Q1)\n");
        for (String format : new String[] {"text", "markdown", "latex", "json"}) {
            var run = Fixtures.cli("derive", in.toString(), "--format", format);
            assertEquals(0, run.status(), format);
            assertTrue(run.out().contains("25"), format);
        }
    }

    @Test
    void checkPrintsOnlyTheChecksAndExitsOneOnAWrongLine() throws IOException {
        Path in = write("hand.deriv", "stack Q { conv(k=3) }\nderive receptive_field(Q)\ncheck \"sum\" {\n  1 + 1\n  = 3\n}\n");
        var run = Fixtures.cli("check", in.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().startsWith("check \"sum\""), run.out());
        assertTrue(run.out().contains("first error: line 5"), run.out());
        var json = Fixtures.cli("check", in.toString(), "--format", "json");
        assertTrue(json.out().contains("\"first_error\" : 5"), json.out());
        assertTrue(json.out().contains("\"ok\" : false"), json.out());
    }

    @Test
    void checkNeedsCheckBlocks() throws IOException {
        Path in = write("none.deriv", "stack Q { conv(k=3) }\n");
        var run = Fixtures.cli("check", in.toString());
        assertEquals(2, run.status());
        assertEquals(in + ": error: the file has no check blocks", run.err().strip());
    }

    @Test
    void checkOfTheSeedsTexNamesTheTypo() {
        var run = Fixtures.cli("check", "derivations/assignment2-q3.tex", "--format", "json");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("\"first_error\" : 17"), run.out());
        var text = Fixtures.cli("check", "derivations/assignment2-q3.tex");
        assertEquals(1, text.out().lines().filter(l -> l.contains("first error")).count(), text.out());
    }
}
