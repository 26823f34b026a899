package stepwise.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The server's one warm engine: a single thread that runs derivations in order, so the JIT and
 * Symja stay warm and the engine's state is never shared between threads. Requests come in lanes
 * (the file's text, a slider); in each lane the newest request wins: an older one still waiting is
 * skipped, and one running is told (between statements) that it is superseded. A caller waits a
 * bounded time; a derivation that runs longer is answered "still deriving" and finishes in the
 * background, so its statements are remembered for the next request.
 */
final class Engine implements AutoCloseable {
    enum Status { DONE, SUPERSEDED, TIMED_OUT, FAILED }

    /** What a request got: the value when done, or why not; {@code error} for a failure. */
    record Outcome<T>(Status status, T value, RuntimeException error) {}

    private final java.util.concurrent.ThreadPoolExecutor thread = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "stepwise-engine");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, AtomicLong> lanes = new ConcurrentHashMap<>();
    private final long boundMillis;

    Engine(long boundMillis) { this.boundMillis = boundMillis; }

    /** Runs {@code job} on the engine thread; it receives a test that says when a newer request in its lane has come. */
    <T> Outcome<T> run(String lane, Function<BooleanSupplier, T> job) {
        AtomicLong counter = lanes.computeIfAbsent(lane, k -> new AtomicLong());
        long ticket = counter.incrementAndGet();
        BooleanSupplier superseded = () -> counter.get() != ticket;
        Future<Outcome<T>> future = thread.submit(() -> {
            if (superseded.getAsBoolean()) return new Outcome<>(Status.SUPERSEDED, null, null);
            T value = job.apply(superseded);
            return value == null ? new Outcome<>(Status.SUPERSEDED, null, null) : new Outcome<>(Status.DONE, value, null);
        });
        try {
            return future.get(boundMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return new Outcome<>(Status.TIMED_OUT, null, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome<>(Status.FAILED, null, cause instanceof RuntimeException re ? re : new IllegalStateException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(Status.TIMED_OUT, null, null);
        }
    }

    long boundMillis() { return boundMillis; }

    /** Requests waiting for the engine (for tests). */
    int queued() { return thread.getQueue().size(); }

    @Override public void close() { thread.shutdownNow(); }
}
