package stepwise.handcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import stepwise.Report;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;

/**
 * Checks many files in one process: a fixed pool of workers, one per core, each with its own Symja
 * engine (engines are bound to their thread), results in the order the files were given.
 */
public final class Batch {
    private Batch() {}

    /** One file's outcome: its checks, or the error that stopped it (bad input). */
    public record Outcome(Path file, Report report, BadInput error) {
        public Tally tally() { return report == null ? Tally.NONE : Tally.of(report); }
    }

    /** The files named, with each folder replaced by its .tex and .deriv files (sorted, not recursive). */
    public static List<Path> expand(List<Path> args) {
        var out = new ArrayList<Path>();
        for (Path p : args) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> entries = Files.list(p)) {
                entries.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".tex") || f.toString().endsWith(".deriv")))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new BadInput(new Diagnostic(p.toString(), Span.NONE, "cannot list the folder: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Workers live as long as the process, so that each keeps its warmed Symja engine from one batch to the next. */
    private static ExecutorService pool;
    private static int poolSize;

    private static synchronized ExecutorService pool(int workers) {
        if (pool == null || poolSize != workers) {
            if (pool != null) pool.shutdown();
            pool = Executors.newFixedThreadPool(workers, r -> {
                // A deep stack for deeply nested input, as the main thread has.
                Thread t = new Thread(null, r, "check-worker", 64L << 20);
                t.setDaemon(true);
                return t;
            });
            poolSize = workers;
        }
        return pool;
    }

    public static List<Outcome> run(List<Path> files, Function<Path, String> reader, int workers) {
        if (files.size() == 1 || workers <= 1) return files.stream().map(f -> one(f, reader)).toList();
        ExecutorService workersPool = pool(workers);
        var futures = new ArrayList<Future<Outcome>>();
        for (Path f : files) futures.add(workersPool.submit(() -> one(f, reader)));
        var out = new ArrayList<Outcome>();
        for (int i = 0; i < files.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (ExecutionException e) {
                out.add(failed(files.get(i), e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(failed(files.get(i), e));
            }
        }
        return out;
    }

    static Outcome one(Path file, Function<Path, String> reader) {
        try {
            return new Outcome(file, CheckFiles.check(file.toString(), reader.apply(file)), null);
        } catch (BadInput e) {
            return new Outcome(file, null, e);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(file, e);
        }
    }

    private static Outcome failed(Path file, Throwable e) {
        return new Outcome(file, null, new BadInput(new Diagnostic(file.toString(), Span.NONE, "cannot check this file: " + e)));
    }
}
