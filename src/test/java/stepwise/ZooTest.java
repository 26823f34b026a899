package stepwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import stepwise.ast.Infix;
import stepwise.result.LayerRow;
import stepwise.result.Result;

/**
 * The zoo (derivations/zoo): every file derives with every step verified, and its numbers equal the
 * published ones cited in the file itself, on lines {@code # published: LAYER RF J P} (receptive
 * field, effective stride, effective padding) and {@code # published size: LAYER N} (output length).
 */
class ZooTest {

    static Stream<Path> zoo() throws IOException {
        try (var files = Files.list(Path.of("derivations/zoo"))) {
            return files.filter(f -> f.toString().endsWith(".deriv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void derivesWithEveryStepVerifiedAndMatchesThePublishedValues(Path file) throws IOException {
        String text = Files.readString(file);
        Report report = Stepwise.derive(file.toString(), text);
        var derivations = Fixtures.results(report, Result.Derivation.class);
        assertFalse(derivations.isEmpty(), file.toString());
        for (var d : derivations) {
            assertTrue(d.steps().stream().allMatch(s -> s.verification() != null && s.verification().ok()), file + " " + d.target());
        }
        int compared = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("# published: ")) {
                String[] f = line.substring(13).trim().split("\\s+");
                LayerRow r = row(derivations, "receptive_field", f[0], file);
                assertEquals(List.of(f[1], f[2], f[3]), List.of(Infix.print(r.rf().get(0)), Infix.print(r.stride().get(0)),
                        Infix.print(r.padding().get(0))), file + " " + f[0]);
                compared++;
            } else if (line.startsWith("# published size: ")) {
                String[] f = line.substring(18).trim().split("\\s+");
                LayerRow r = row(derivations, "output_size", f[0], file);
                assertEquals(f[1], Infix.print(r.size().get(0)), file + " " + f[0]);
                compared++;
            }
        }
        assertTrue(compared >= 4, file + " cites at least four published values");
    }

    private static LayerRow row(List<Result.Derivation> derivations, String target, String layer, Path file) {
        var names = new ArrayList<String>();
        for (var d : derivations) {
            if (!d.target().startsWith(target)) continue;
            for (LayerRow r : d.layers()) {
                if (r.name().equals(layer)) return r;
                names.add(r.name());
            }
        }
        throw new AssertionError(file + ": no layer " + layer + " in " + target + " (layers: " + names + ")");
    }
}
