package stepwise.cas;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.ast.Expr;

/**
 * The one door to Symja. Each thread that asks (the main thread, or each worker of a batch) has an
 * engine of its own on a thread of its own (Symja's engines are bound to a thread), started lazily or ahead of need by {@link #prewarm()} so that its start-up overlaps the
 * rest of a run; the thread is a daemon and Symja's own pools are off, so the JVM exits at once.
 * Every call is bounded in time; a call that runs out, or whose answer cannot be read back, gives an
 * empty result, which callers report as "unknown", never as a hang or a crash.
 */
public final class Cas {
    private static final int SECONDS = 10;
    /** One engine per asking thread: workers of a batch run Symja side by side. */
    private static final ThreadLocal<Cas> PER_THREAD = ThreadLocal.withInitial(Cas::new);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "symja");
        t.setDaemon(true);
        return t;
    });
    private Future<ExprEvaluator> evaluator;
    private boolean warming;
    /**
     * Answers already given, by call, time limit and symbol aliases: a derivation asks the same
     * question more than once (a simplification, then the proof of that step). Bounded, for
     * long-lived processes.
     */
    private final Map<String, Optional<Expr>> answers = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Optional<Expr>> eldest) { return size() > 4096; }
    });

    private Cas() {}

    /** The engine of the calling thread. */
    public static Cas get() { return PER_THREAD.get(); }

    /**
     * Starts the calling thread's Symja now, in the background, so that its start-up overlaps parsing
     * and numeric work; once per engine. Nothing is evaluated ahead: the first real call is the first
     * evaluation.
     */
    public static void prewarm() {
        Cas cas = get();
        synchronized (cas) {
            if (cas.warming) return;
            cas.warming = true;
        }
        cas.engine();
        if (PRELOADING.compareAndSet(false, true)) {
            Thread helper = new Thread(Cas::preload, "symja-preload");
            helper.setDaemon(true);
            helper.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Symja's start-up is one long class initialisation on one thread; part of it is the JDK's and its
     * libraries' own set-up (logging, locale data for calendars and collation, JSON), which depends on
     * nothing of Symja's. That part runs here, on a second thread, once per process, while Symja's own
     * runs on its thread; what this thread has set up, Symja's finds ready. In the order Symja's start-up
     * comes to them (logging some 40 ms in, JSON some 160 ms in), so that this thread keeps ahead of it
     * rather than waiting on a set-up Symja's thread has already begun.
     */
    private static void preload() {
        Silence.apply();
        initialise("org.apache.logging.log4j.LogManager");
        initialise("org.apfloat.ApfloatContext");
        java.text.Collator.getInstance();
        java.util.Calendar.getInstance();
        initialise("com.fasterxml.jackson.databind.ObjectMapper");
        initialise("com.fasterxml.jackson.databind.util.StdDateFormat");
    }

    /** Runs a library class's static set-up: one of Symja's libraries whose set-up is long and needs nothing of Symja's. */
    private static void initialise(String className) {
        try {
            Class.forName(className, true, Cas.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException ignored) {
            // nothing is lost: Symja sets it up itself when it needs it
        }
    }

    private synchronized Future<ExprEvaluator> engine() {
        if (evaluator == null) evaluator = thread.submit(Cas::start);
        return evaluator;
    }

    private static ExprEvaluator start() {
        Silence.apply();
        // Symja's polynomial library otherwise keeps a thread pool alive for a minute after main.
        Config.JAS_NO_THREADS = true;
        var engine = new EvalEngine(true);
        var sink = new PrintStream(OutputStream.nullOutputStream());
        engine.setOutPrintStream(sink);
        engine.setErrorPrintStream(sink);
        return new ExprEvaluator(engine, true, (short) 100);
    }

    /**
     * A fresh engine's first simplification also loads Symja's rule tables, which takes seconds on a
     * busy machine: it gets this much longer, so that whether an answer comes in time depends on the
     * question, not on how warm the engine is. Touched only on Symja's own thread.
     */
    static final int COLD_ALLOWANCE_SECONDS = 5;
    private boolean warm;

    /**
     * Stops evaluations that run past their limit, for every engine. Symja's own TimeConstrained does
     * the same with a new thread for every call; one thread for all of them is a fraction of the cost.
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "symja-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * Evaluates on Symja's thread within the limit: at the limit the watchdog asks the engine to stop
     * (it checks between steps, and interrupted threads stop too), and the answer is $Aborted. A stop
     * that comes just as an evaluation ends does not carry over to the next: Symja clears the engine's
     * stop request when it starts an evaluation, and this clears the thread's interruption.
     */
    private IExpr evaluate(String input, int seconds) throws ExecutionException, InterruptedException {
        int limit = warm ? seconds : seconds + COLD_ALLOWANCE_SECONDS;
        warm = true;
        ExprEvaluator evaluator = engine().get();
        var timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        Thread self = Thread.currentThread();
        var stop = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            evaluator.getEvalEngine().stopRequest();
            self.interrupt();
        }, limit, TimeUnit.SECONDS);
        Thread.interrupted();
        try {
            IExpr result = evaluator.eval(input);
            return timedOut.get() ? S.$Aborted : result;
        } catch (RuntimeException | StackOverflowError failed) {
            if (timedOut.get()) return S.$Aborted;
            throw failed;
        } finally {
            stop.cancel(false);
            Thread.interrupted();
        }
    }

    /** Expands products and powers of sums and collects like terms. */
    public Optional<Expr> expand(Expr e) { return apply("Expand[%s]", e, List.of()); }

    /** Expands, knowing that every symbol is a whole number (so floor(n - 2) is n - 2). */
    public Optional<Expr> expandOverIntegers(Expr e) {
        if (beyondReach(e)) return Optional.empty();
        var writer = new SymjaWriter();
        String body;
        try {
            body = writer.write(e);
        } catch (RuntimeException unwritable) {
            return Optional.empty();
        }
        String facts = String.join(" && ", writer.aliases().keySet().stream().map(a -> "Element[" + a + ", Integers]").toList());
        return run(writer, facts.isEmpty() ? "Expand[" + body + "]" : "Refine[Expand[" + body + "], " + facts + "]", SECONDS);
    }

    /** Simplifies under assumptions that the given symbols (by key) are positive. */
    public Optional<Expr> simplify(Expr e, List<Expr> positive) { return apply("Simplify[%s%s]", e, positive); }

    /** Expands, then simplifies (powers of logs and roots of positive symbols are pulled apart). */
    public Optional<Expr> normalize(Expr e, List<Expr> positive) {
        return apply("Simplify[PowerExpand[Expand[%s]]%s]", e, positive);
    }

    /** As {@link #normalize}, given at most the stated seconds; empty when it runs out. */
    public Optional<Expr> normalize(Expr e, List<Expr> positive, int seconds) {
        return apply("Simplify[PowerExpand[Expand[%s]]%s]", e, positive, seconds);
    }

    /** True when Symja can show {@code a - b} is zero under the assumptions; empty when it cannot tell. */
    public Optional<Boolean> provesEqual(Expr a, Expr b, List<Expr> positive) {
        return normalize(Expr.sub(a, b), positive).map(d -> d instanceof Expr.Num n && n.value().signum() == 0);
    }

    /** Expressions larger or deeper than people write: Symja would spend its whole time bound on them. */
    static final int MAX_NODES = 3_000, MAX_DEPTH = 32;

    private static boolean beyondReach(Expr e) {
        var todo = new java.util.ArrayDeque<Expr>();
        var depths = new java.util.ArrayDeque<Integer>();
        todo.push(e);
        depths.push(1);
        int nodes = 0;
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            int depth = depths.pop();
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) return true;
            for (Expr c : stepwise.algebra.Exprs.children(x)) {
                todo.push(c);
                depths.push(depth + 1);
            }
        }
        return false;
    }

    /** As {@link #provesEqual}, given at most the stated seconds. */
    public Optional<Boolean> provesEqual(Expr a, Expr b, List<Expr> positive, int seconds) {
        return normalize(Expr.sub(a, b), positive, seconds).map(d -> d instanceof Expr.Num n && n.value().signum() == 0);
    }

    private Optional<Expr> apply(String template, Expr e, List<Expr> positive) { return apply(template, e, positive, SECONDS); }

    private Optional<Expr> apply(String template, Expr e, List<Expr> positive, int seconds) {
        if (beyondReach(e)) return Optional.empty();
        try {
            var writer = new SymjaWriter();
            String body = writer.write(e);
            String assumptions = positive.isEmpty() ? "" : ", " + String.join(" && ",
                    positive.stream().map(p -> writer.alias(p) + " > 0").toList());
            // Templates take the expression first and the assumptions (possibly none) second; format ignores a surplus.
            return run(writer, String.format(template, body, assumptions), seconds);
        } catch (RuntimeException unwritable) {
            return Optional.empty();
        }
    }

    /** Evaluates on Symja's thread and reads the answer back there: Symja's symbols belong to its engine. */
    private Optional<Expr> run(SymjaWriter writer, String call, int seconds) {
        String key = call + " " + seconds + " " + writer.aliases();
        Optional<Expr> known = answers.get(key);
        if (known != null) return known;
        Optional<Expr> answer = evaluateAndRead(writer, call, seconds);
        answers.put(key, answer);
        return answer;
    }

    private Optional<Expr> evaluateAndRead(SymjaWriter writer, String call, int seconds) {
        engine(); // queued ahead of the call on Symja's one thread, which would otherwise wait for itself
        Future<Optional<Expr>> answer = thread.submit(() -> {
            IExpr result = evaluate(call, seconds);
            if (result.toString().contains("$Aborted")) return Optional.<Expr>empty();
            return Optional.of(new SymjaReader(writer.aliases()).read(result));
        });
        try {
            // Start-up (about a second) may come first; after that the engine stops itself at the limit.
            return answer.get(seconds + 30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | RuntimeException | StackOverflowError unreadable) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
