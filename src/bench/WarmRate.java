import java.nio.file.Files;
import java.nio.file.Path;
import stepwise.Stepwise;
import stepwise.print.Printer;

/**
 * Warm throughput: each file derived and printed as text over and over in one JVM; after a warm-up
 * of WARMUP seconds per file, the rate over MEASURE seconds. Run by src/bench/run as
 * {@code java -cp target/stepwise.jar src/bench/WarmRate.java WARMUP MEASURE FILE...}.
 */
public final class WarmRate {
    public static void main(String[] args) throws Exception {
        double warmup = Double.parseDouble(args[0]), measure = Double.parseDouble(args[1]);
        Printer text = Printer.forFormat("text", false);
        for (int i = 2; i < args.length; i++) {
            String name = args[i], source = Files.readString(Path.of(name));
            loop(text, name, source, warmup);
            long runs = 0, start = System.nanoTime(), end = start + (long) (measure * 1e9);
            while (System.nanoTime() < end || runs == 0) {
                once(text, name, source);
                runs++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s %.1f %.1f%n", Path.of(name).getFileName(), runs / seconds, 1000 * seconds / runs);
        }
    }

    private static void loop(Printer text, String name, String source, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do once(text, name, source); while (System.nanoTime() < end);
    }

    private static void once(Printer text, String name, String source) {
        var report = Stepwise.derive(name, source);
        if (!report.ok() || text.print(report).isEmpty()) throw new IllegalStateException(name + ": a step did not verify");
    }
}
