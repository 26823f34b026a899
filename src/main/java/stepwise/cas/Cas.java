package stepwise.cas;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.ast.Expr;

/**
 * The one door to Symja. Started lazily (about a second cold), silent, with no lingering
 * threads. Every call is bounded in time; a call that runs out, or whose answer cannot be read
 * back, gives an empty result, which callers report as "unknown", never as a hang or a crash.
 */
public final class Cas {
    private static final int SECONDS = 10;
    private static final ThreadLocal<Cas> PER_THREAD = ThreadLocal.withInitial(Cas::new);

    private final ExprEvaluator evaluator;

    private Cas() {
        Silence.apply();
        // Symja's polynomial library otherwise keeps a thread pool alive for a minute after main.
        Config.JAS_NO_THREADS = true;
        var engine = new EvalEngine(true);
        var sink = new PrintStream(OutputStream.nullOutputStream());
        engine.setOutPrintStream(sink);
        engine.setErrorPrintStream(sink);
        evaluator = new ExprEvaluator(engine, true, (short) 100);
    }

    /** Symja engines are bound to their thread, so each thread gets its own. */
    public static Cas get() { return PER_THREAD.get(); }

    /** Expands products and powers of sums and collects like terms. */
    public Optional<Expr> expand(Expr e) { return apply("Expand[%s]", e, List.of()); }

    /** Expands, knowing that every symbol is a whole number (so floor(n - 2) is n - 2). */
    public Optional<Expr> expandOverIntegers(Expr e) {
        var writer = new SymjaWriter();
        String body = writer.write(e);
        String facts = String.join(" && ", writer.aliases().keySet().stream().map(a -> "Element[" + a + ", Integers]").toList());
        return run(writer, facts.isEmpty() ? "Expand[" + body + "]" : "Refine[Expand[" + body + "], " + facts + "]");
    }

    /** Simplifies under assumptions that the given symbols (by key) are positive. */
    public Optional<Expr> simplify(Expr e, List<Expr> positive) { return apply("Simplify[%s%s]", e, positive); }

    /** Expands, then simplifies (powers of logs and roots of positive symbols are pulled apart). */
    public Optional<Expr> normalize(Expr e, List<Expr> positive) {
        return apply("Simplify[PowerExpand[Expand[%s]]%s]", e, positive);
    }

    /** True when Symja can show {@code a - b} is zero under the assumptions; empty when it cannot tell. */
    public Optional<Boolean> provesEqual(Expr a, Expr b, List<Expr> positive) {
        return normalize(Expr.sub(a, b), positive).map(d -> d instanceof Expr.Num n && n.value().signum() == 0);
    }

    private Optional<Expr> apply(String template, Expr e, List<Expr> positive) {
        try {
            var writer = new SymjaWriter();
            String body = writer.write(e);
            String assumptions = positive.isEmpty() ? "" : ", " + String.join(" && ",
                    positive.stream().map(p -> writer.alias(p) + " > 0").toList());
            // Templates take the expression first and the assumptions (possibly none) second; format ignores a surplus.
            String call = String.format(template, body, assumptions);
            return run(writer, call);
        } catch (RuntimeException unwritable) {
            return Optional.empty();
        }
    }

    private Optional<Expr> run(SymjaWriter writer, String call) {
        try {
            IExpr result = evaluator.eval("TimeConstrained[" + call + ", " + SECONDS + "]");
            if (result.toString().contains("$Aborted")) return Optional.empty();
            return Optional.of(new SymjaReader(writer.aliases()).read(result));
        } catch (RuntimeException | StackOverflowError unreadable) {
            return Optional.empty();
        }
    }
}
