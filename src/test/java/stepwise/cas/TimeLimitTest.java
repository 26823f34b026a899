package stepwise.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import stepwise.ast.Expr;
import stepwise.syntax.DerivSyntax;

/**
 * Every call to Symja is bounded in time: a question it cannot answer in time comes back empty
 * ("unknown" to the caller), and the engine answers the next question as if nothing had happened.
 */
class TimeLimitTest {

    /** Runs on a thread of its own, so that the engine is a fresh one (engines are per asking thread). */
    private static <T> T onFreshThread(Callable<T> work) throws Exception {
        var thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aQuestionPastItsLimitIsUnknownAndTheNextIsAnswered() throws Exception {
        // Expanded, the difference has some nine hundred thousand terms: far beyond a second.
        Expr slow = DerivSyntax.parseExpr("(a + b + c + d + e + f)^30 - (a + b + c + d + e + f + 1)^30");
        Expr quick = DerivSyntax.parseExpr("(x + 1)^2 - x^2 - 2*x - 1");
        var answers = onFreshThread(() -> {
            Cas cas = Cas.get();
            cas.expand(DerivSyntax.parseExpr("x + x")); // the engine's first call has a longer limit
            long start = System.nanoTime();
            Optional<Boolean> slowAnswer = cas.provesEqual(slow, new Expr.Num(stepwise.ast.Rational.ZERO), List.of(), 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            Optional<Boolean> quickAnswer = cas.provesEqual(quick, new Expr.Num(stepwise.ast.Rational.ZERO), List.of(), 1);
            return new Object[] {slowAnswer, seconds, quickAnswer};
        });
        assertEquals(Optional.empty(), answers[0], "a question past its limit is unknown");
        assertTrue((double) answers[1] < 30, "stopped near its limit of 1 s, not at the outer bound: " + answers[1] + " s");
        assertEquals(Optional.of(true), answers[2], "the engine answers the next question");
    }
}
