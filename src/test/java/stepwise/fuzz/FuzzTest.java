package stepwise.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing through the library entry point: every generated or mutated .deriv text ends in exit 0,
 * 1 or 2 (with a located message), nothing else escapes, and each answers within a time bound.
 * The number of inputs is {@code -Dstepwise.fuzz.tries} (a few hundred in the build); the figures
 * of a run go to {@code target/fuzz-report.txt}, and a failing input to {@code target/fuzz-failures/}
 * (keep it in {@code src/test/resources/fuzz-regressions/}, which {@link FuzzRegressionsTest} reads).
 */
class FuzzTest {
    /** Far above what any input takes alone; generous because the build machine may be busy. */
    static final long TIMEOUT_MILLIS = 30_000;

    private static final AtomicLongArray EXITS = new AtomicLongArray(5);
    private static final AtomicLong SLOWEST = new AtomicLong();
    private static final AtomicReference<String> SLOWEST_INPUT = new AtomicReference<>("");
    private static final long START = System.nanoTime();

    @Property(shrinking = ShrinkingMode.BOUNDED, seed = "20260125")
    void everyInputEndsInAnExitCodeWithALocatedMessage(@ForAll("texts") String text) throws IOException {
        Outcome o = Outcome.of(text, TIMEOUT_MILLIS);
        EXITS.incrementAndGet(o.exit());
        if (o.millis() > SLOWEST.get()) {
            SLOWEST.set(o.millis());
            SLOWEST_INPUT.set(text);
        }
        if (o.exit() == 1) {
            // A failed check is a legal outcome, but each one deserves a look: kept for review.
            Path dir = Path.of("target", "fuzz-failed-checks");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(Integer.toHexString(text.hashCode()) + ".deriv"), text, StandardCharsets.UTF_8);
        }
        if (!o.ok()) {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(Integer.toHexString(text.hashCode()) + ".deriv"), text, StandardCharsets.UTF_8);
            throw new AssertionError("exit " + o.exit() + " after " + o.millis() + " ms for:\n" + text + "\n" + o.detail());
        }
    }

    @Provide
    Arbitrary<String> texts() { return DerivTexts.any(); }

    @AfterContainer
    static void report() throws IOException {
        long total = 0;
        for (int i = 0; i < EXITS.length(); i++) total += EXITS.get(i);
        String figures = "fuzz: " + total + " inputs in " + (System.nanoTime() - START) / 1_000_000_000 + " s; exit 0: " + EXITS.get(0)
                + ", exit 1: " + EXITS.get(1) + ", exit 2: " + EXITS.get(2) + ", escaped: " + EXITS.get(3) + ", timed out: " + EXITS.get(4)
                + "; slowest " + SLOWEST.get() + " ms:\n" + SLOWEST_INPUT.get() + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), figures, StandardCharsets.UTF_8);
        System.out.println(figures);
    }
}
