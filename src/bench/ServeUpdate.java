import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import stepwise.serve.LiveServer;

/**
 * Update times of the live page's server on the seed assignment: the server's own time for each
 * request (its Server-Timing header: from the request read to the answer ready, derivation,
 * verification and rendering included) and the round trip seen by the client. Each case is run
 * with a new value every time, so the server really derives it (nothing is answered from a
 * previous identical request). Run by src/bench/serve-update after the jar is built.
 */
public class ServeUpdate {
    public static void main(String[] args) throws Exception {
        // At most 40: the edits below make 45 different texts, so that none is answered from memory.
        int runs = Math.min(40, args.length > 0 ? Integer.parseInt(args[0]) : 30);
        Path dir = Files.createTempDirectory("stepwise-bench");
        Path file = dir.resolve("assignment2.deriv");
        String seed = Files.readString(Path.of("derivations", "assignment2.deriv"));
        Files.writeString(file, seed);
        try (var server = LiveServer.start(file, 0)) {
            var bench = new ServeUpdate(server.uri());
            System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s %10s%n", "update of the seed assignment (" + runs + " runs each)", "median", "p90", "max", "round trip");
            bench.report("kernel sizes edited in stack Q1 (5 statements re-derived)", runs,
                    i -> bench.derive(seed.replace("H1 = conv(k=5, s=2, d=1)", "H1 = conv(k=" + (3 + i % 9) + ", s=2, d=1)")
                            .replace("H2 = conv(k=3, s=1)", "H2 = conv(k=" + (1 + (i / 9) % 5) + ", s=1)")));
            bench.report("slider H3.d moved (derived at the value, verified)", runs,
                    i -> bench.variant(seed, 20, "v.H3.d=" + (1 + i % 16) + "&plot=H3.d"));
            bench.report("slider s of `where H1.s = s` moved", runs,
                    i -> bench.variant(seed, 19, "v.s=" + (1 + i % 16) + "&plot=s"));
            bench.report("text unchanged (a comment edited)", runs,
                    i -> bench.derive(seed.replace("# AI6126", "# " + i + " AI6126")));
            bench.report("slider sigma of the KL moved (Symja on the way)", runs,
                    i -> bench.variant(seed, 14, String.format(Locale.ROOT, "v.sigma=%.1f&v.mu=0.5&plot=sigma", 0.1 + 0.1 * (i % 30))));
            bench.report("the KL's distribution edited (Symja on the way)", runs,
                    i -> bench.derive(seed.replace("dist q = Normal(mu, sigma^2)", "dist q = Normal(mu + " + (i + 1) + "/100, sigma^2)")));
            bench.report("every statement changed (nothing remembered)", Math.min(runs, 10),
                    i -> bench.derive(everyStatementChanged(seed, i)));
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    ServeUpdate(URI base) { this.base = base; }

    /** Server time and round trip of one request, in milliseconds. */
    record Sample(double server, double roundTrip) {}

    Sample derive(String text) { return post("/api/derive", text); }

    Sample variant(String text, int statement, String query) { return post("/api/variant?statement=" + statement + "&" + query, text); }

    private Sample post(String path, String body) {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("X-Stepwise", "page").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double roundTrip = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || !response.body().startsWith("{\"status\":\"done\"")) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
            }
            if (response.body().contains("\"status\":\"failed\"")) throw new IllegalStateException(path + ": a step failed its check");
            String timing = response.headers().firstValue("Server-Timing").orElseThrow();
            return new Sample(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)), roundTrip);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a case {@code runs} times after five warm-up runs; run {@code i} must differ from every other. */
    void report(String label, int runs, IntFunction<Sample> run) {
        for (int i = runs; i < runs + 5; i++) run.apply(i); // warm-up, with values not used below
        var server = new ArrayList<Double>();
        var trips = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            Sample s = run.apply(i);
            server.add(s.server());
            trips.add(s.roundTrip());
        }
        System.out.printf(Locale.ROOT, "%-58s %6.1f ms %6.1f ms %6.1f ms %7.1f ms%n", label, pct(server, 50), pct(server, 90), pct(server, 100), pct(trips, 50));
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Extra spaces inside every statement: the same derivations, but none of them can be remembered. */
    private static String everyStatementChanged(String seed, int i) {
        String pad = " ".repeat(i + 2);
        return seed.replace("derive ", "derive" + pad).replace("sweep ", "sweep" + pad).replace("solve ", "solve" + pad)
                .replace("title ", "title" + pad).replace("text \"", "text" + pad + "\"").replace("stack ", "stack" + pad)
                .replace("dist ", "dist" + pad).replace("let ", "let" + pad);
    }
}
