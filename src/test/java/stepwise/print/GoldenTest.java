package stepwise.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import stepwise.Report;
import stepwise.Stepwise;

/**
 * Whole derivations against reviewed golden files in src/test/resources/golden. After a deliberate
 * change, regenerate them with {@code mvn test -Dtest=GoldenTest -Dstepwise.golden.update=true}
 * and review the diff before committing.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("stepwise.golden.update");

    static Stream<Arguments> cases() throws IOException {
        var formats = new String[][] {{"text", "txt"}, {"markdown", "md"}, {"latex", "tex"}, {"standalone", "standalone.tex"}, {"json", "json"}};
        try (var files = Files.list(Path.of("derivations"))) {
            var derivations = files.filter(p -> p.toString().endsWith(".deriv")).sorted().toList();
            return derivations.stream().flatMap(d -> Stream.of(formats).map(f -> Arguments.of(d, f[0], f[1])));
        }
    }

    /** The check of a .tex file, in both of check's formats. */
    @ParameterizedTest(name = "check {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text", "json"})
    void checkOfTheSeedsTexMatchesItsGoldenFile(String format) throws IOException {
        Path tex = Path.of("derivations/assignment2-q3.tex");
        Report report = Stepwise.checkTex("derivations/assignment2-q3.tex", Files.readString(tex));
        String actual = Printer.forFormat(format, false).print(report);
        Path golden = GOLDEN.resolve("assignment2-q3.check." + (format.equals("text") ? "txt" : "json"));
        if (UPDATE) Files.writeString(golden, actual, StandardCharsets.UTF_8);
        assertTrue(Files.exists(golden), golden + " is missing: create it with -Dstepwise.golden.update=true and review it");
        assertEquals(Files.readString(golden), actual, "regenerate with -Dstepwise.golden.update=true and review the diff");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void derivationMatchesItsGoldenFile(Path deriv, String format, String extension) throws IOException {
        String name = deriv.getFileName().toString().replace(".deriv", "");
        Report report = Stepwise.derive("derivations/" + deriv.getFileName(), Files.readString(deriv));
        boolean standalone = format.equals("standalone");
        String actual = Printer.forFormat(standalone ? "latex" : format, standalone).print(report);
        Path golden = GOLDEN.resolve(name + "." + extension);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing: create it with -Dstepwise.golden.update=true and review it");
        assertEquals(Files.readString(golden), actual, "regenerate with -Dstepwise.golden.update=true and review the diff");
    }
}
