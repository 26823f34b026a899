package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.Report;
import stepwise.Stepwise;
import stepwise.result.Result;

/** One bad statement does not silence the file: the others are derived and every error is listed at its line. */
class StatementErrorsTest {
    @TempDir Path dir;

    private static final String MIXED = """
            stack A { conv(k=3) }
            stack B { conv(k=0) }
            derive receptive_field(A)
            derive receptive_field(B)
            derive receptive_field(C)
            dist q = Normal(0, 1)
            derive KL(q || r)
            derive output_size(A, n=16)
            """;

    private List<String> errorLines(Fixtures.Run run) {
        return run.err().lines().filter(l -> l.contains(": error: ")).map(l -> l.substring(l.indexOf(".deriv:") + 7)).toList();
    }

    @Test
    void everyGoodStatementIsDerivedAndEveryBadOneListed() throws IOException {
        Path file = dir.resolve("mixed.deriv");
        Files.writeString(file, MIXED);
        var run = Fixtures.cli("derive", file.toString());
        assertEquals(2, run.status());
        assertTrue(run.out().contains("derive receptive_field(A)   (line 3)"), run.out());
        assertTrue(run.out().contains("derive output_size(A, n=16)   (line 8)"), run.out());
        assertEquals(List.of(
                "2:18: error: kernel size must be positive, got 0",
                "4:24: error: stack B has an error (line 2), so receptive_field(B) is not derived",
                "5:24: error: no stack named 'C'; stacks are A, B",
                "7:16: error: no distribution named 'r'; distributions are q"), errorLines(run));
    }

    @Test
    void theJsonCarriesTheResultsAndTheErrors() throws IOException {
        Path file = dir.resolve("mixed.deriv");
        Files.writeString(file, MIXED);
        var run = Fixtures.cli("derive", file.toString(), "--format", "json");
        assertEquals(2, run.status());
        assertTrue(run.out().contains("\"ok\" : false"), run.out());
        assertTrue(run.out().contains("\"line\" : 5,\n    \"column\" : 24,\n    \"message\" : \"no stack named 'C'; stacks are A, B\""), run.out());
        assertEquals(2, run.out().split("\"kind\" : \"derive\"").length - 1);
    }

    @Test
    void theLibraryReportsEachStatementsError() {
        Report report = Stepwise.deriveEach("mixed.deriv", MIXED);
        assertEquals(List.of(2, 4, 5, 7), report.errors().stream().map(d -> d.span().line()).toList());
        assertEquals(2, report.results().stream().filter(r -> r instanceof Result.Derivation).count());
        assertEquals("mixed.deriv", report.errors().get(0).file());
    }

    @Test
    void everySyntaxErrorFoundIsListed() throws IOException {
        Path file = dir.resolve("syntax.deriv");
        Files.writeString(file, "stack A { conv(k=3 }\nstack B { conv(k=3) }\nderive foo(B,,)\n");
        var run = Fixtures.cli("derive", file.toString());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(List.of(
                "1:20: error: unexpected '}'; expected ',' or ')'",
                "3:14: error: unexpected ','; expected '(', '-', '+', a number or a name",
                "3:15: error: unexpected ')'; expected '(', '-', '+', a number or a name"), errorLines(run));
    }
}
