package stepwise.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import stepwise.Stepwise;
import stepwise.diag.BadInput;

/**
 * What one input does through the library entry point, mapped to the command line's exit codes:
 * 0 every step verified, 1 a step failed, 2 bad input (a located diagnostic), 3 anything else
 * escaped (a defect). Each run has its own thread with the default stack, and a time bound.
 */
record Outcome(int exit, String detail, long millis) {
    static final int DEFECT = 3;
    static final int TIMED_OUT = 4;

    static Outcome of(String text, long timeoutMillis) {
        long start = System.nanoTime();
        var result = new CompletableFuture<Outcome>();
        Thread t = new Thread(() -> result.complete(run(text, start)), "fuzz-try");
        t.setDaemon(true);
        t.start();
        try {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A thread cannot be stopped safely; it is a daemon, and the try is reported as a defect.
            return new Outcome(TIMED_OUT, "no answer within " + timeoutMillis + " ms", elapsed(start));
        } catch (Exception e) {
            return new Outcome(DEFECT, trace(e), elapsed(start));
        }
    }

    private static Outcome run(String text, long start) {
        try {
            var report = Stepwise.derive("fuzz.deriv", text);
            return new Outcome(report.ok() ? 0 : 1, "", elapsed(start));
        } catch (BadInput e) {
            var span = e.diagnostic().span();
            long lines = text.lines().count() + 1;
            if (span.line() < 1 || span.column() < 1 || span.line() > lines) {
                return new Outcome(DEFECT, "a diagnostic without a place in the text: " + span + " " + e.getMessage(), elapsed(start));
            }
            return new Outcome(2, span.line() + ":" + span.column() + ": error: " + e.getMessage(), elapsed(start));
        } catch (Throwable other) {
            return new Outcome(DEFECT, trace(other), elapsed(start));
        }
    }

    boolean ok() { return exit <= 2; }

    private static long elapsed(long start) { return (System.nanoTime() - start) / 1_000_000; }

    private static String trace(Throwable e) {
        var w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 3000 ? s.substring(0, 3000) : s;
    }
}
