package stepwise.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import stepwise.Report;
import stepwise.Stepwise;

/**
 * Whole derivations against reviewed golden files in src/test/resources/golden: every example in
 * every format and style, and each sweep's SVG plot. After a deliberate change, regenerate them with
 * {@code mvn test -Dtest=GoldenTest -Dstepwise.golden.update=true} and review the diff before committing.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("stepwise.golden.update");

    /** Format, style, standalone, and the golden file's extension. */
    private static final String[][] FORMATS = {
        {"text", "notes", "", "txt"}, {"json", "notes", "", "json"},
        {"markdown", "notes", "", "md"}, {"markdown", "full", "", "full.md"},
        {"latex", "notes", "", "tex"}, {"latex", "full", "", "full.tex"},
        {"latex", "notes", "standalone", "standalone.tex"}, {"latex", "full", "standalone", "full.standalone.tex"},
    };

    static Stream<Path> derivations() throws IOException {
        try (var files = Files.list(Path.of("derivations"))) {
            return files.filter(p -> p.toString().endsWith(".deriv")).sorted().toList().stream();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return derivations().flatMap(d -> Stream.of(FORMATS).map(f -> Arguments.of(d, f[0], f[1], f[2], f[3])));
    }

    /** The check of a .tex file, in both of check's formats. */
    @ParameterizedTest(name = "check {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text", "json"})
    void checkOfTheSeedsTexMatchesItsGoldenFile(String format) throws IOException {
        Path tex = Path.of("derivations/assignment2-q3.tex");
        Report report = Stepwise.checkTex("derivations/assignment2-q3.tex", Files.readString(tex));
        String actual = Printer.forFormat(format, false).print(report);
        compare(GOLDEN.resolve("assignment2-q3.check." + (format.equals("text") ? "txt" : "json")), actual);
    }

    @ParameterizedTest(name = "{0} as {1}, {2} {3}")
    @MethodSource("cases")
    void derivationMatchesItsGoldenFile(Path deriv, String format, String style, String standalone, String extension) throws IOException {
        String name = name(deriv);
        Report report = derive(deriv);
        Printer printer = format.equals("markdown") ? new MarkdownPrinter(Style.parse(style), name)
                : Printer.forFormat(format, !standalone.isEmpty(), Style.parse(style));
        compare(GOLDEN.resolve(name + "." + extension), printer.print(report));
    }

    /** The SVG plot of each sweep, as written beside a Markdown file. */
    @ParameterizedTest(name = "plots of {0}")
    @MethodSource("derivations")
    void plotsMatchTheirGoldenFiles(Path deriv) throws IOException {
        Map<String, String> plots = MarkdownPrinter.plots(derive(deriv), name(deriv));
        for (var e : plots.entrySet()) compare(GOLDEN.resolve(e.getKey()), e.getValue());
    }

    static String name(Path deriv) { return deriv.getFileName().toString().replace(".deriv", ""); }

    static Report derive(Path deriv) throws IOException {
        return Stepwise.derive("derivations/" + deriv.getFileName(), Files.readString(deriv));
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing: create it with -Dstepwise.golden.update=true and review it");
        assertEquals(Files.readString(golden), actual, "regenerate with -Dstepwise.golden.update=true and review the diff");
    }
}
