package stepwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input the fuzz test (or an adversarial run) once broke: each must now end in exit 0, 1 or 2, located. */
class FuzzRegressionsTest {
    static Stream<Path> inputs() throws IOException {
        return Files.list(Path.of("src", "test", "resources", "fuzz-regressions")).filter(p -> p.toString().endsWith(".deriv")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void endsInAnExitCodeWithALocatedMessage(Path input) throws IOException {
        Outcome o = Outcome.of(Files.readString(input, StandardCharsets.UTF_8), FuzzTest.TIMEOUT_MILLIS);
        assertTrue(o.ok(), "exit " + o.exit() + ": " + o.detail());
    }
}
