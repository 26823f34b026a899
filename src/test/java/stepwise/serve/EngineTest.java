package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One engine thread; in each lane the newest request wins; a caller never waits past the bound. */
class EngineTest {
    @Test
    void aWaitingRequestIsDroppedAndARunningOneToldWhenANewerOneComes() throws Exception {
        // Callers on threads of their own: the common pool may have a single thread on a small machine.
        var callers = java.util.concurrent.Executors.newCachedThreadPool();
        try (var engine = new Engine(60_000)) {
            var running = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var toldSuperseded = new AtomicBoolean();
            var first = CompletableFuture.supplyAsync(() -> engine.run("text", superseded -> {
                running.countDown();
                await(release);
                toldSuperseded.set(superseded.getAsBoolean());
                return superseded.getAsBoolean() ? null : "first";
            }), callers);
            assertTrue(running.await(30, TimeUnit.SECONDS));
            var second = CompletableFuture.supplyAsync(() -> engine.run("text", superseded -> "second"), callers);
            var third = CompletableFuture.supplyAsync(() -> engine.run("text", superseded -> "third"), callers);
            var otherLane = CompletableFuture.supplyAsync(() -> engine.run("variant", superseded -> "slider"), callers);
            // Both newer requests are queued behind the running one before it is let go.
            for (int i = 0; i < 6_000 && engine.queued() < 3; i++) Thread.sleep(5);
            assertEquals(3, engine.queued());
            release.countDown();
            assertEquals(Engine.Status.SUPERSEDED, first.get(30, TimeUnit.SECONDS).status());
            assertTrue(toldSuperseded.get());
            var results = java.util.List.of(second.get(30, TimeUnit.SECONDS), third.get(30, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter(o -> o.status() == Engine.Status.DONE).count(), results.toString());
            assertEquals(1, results.stream().filter(o -> o.status() == Engine.Status.SUPERSEDED).count(), results.toString());
            assertEquals("slider", otherLane.get(30, TimeUnit.SECONDS).value(), "another lane is not superseded");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallerWaitsNoLongerThanTheBound() throws Exception {
        var release = new CountDownLatch(1);
        try (var engine = new Engine(200)) {
            var outcome = engine.run("text", superseded -> {
                await(release);
                return "late";
            });
            assertEquals(Engine.Status.TIMED_OUT, outcome.status());
            release.countDown();
            assertEquals("next", engine.run("text", superseded -> "next").value(), "the engine goes on after a slow job");
        }
    }

    @Test
    void aFailureIsReportedNotThrown() {
        try (var engine = new Engine(30_000)) {
            var outcome = engine.run("text", superseded -> { throw new IllegalArgumentException("bad slider"); });
            assertEquals(Engine.Status.FAILED, outcome.status());
            assertEquals("bad slider", outcome.error().getMessage());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
