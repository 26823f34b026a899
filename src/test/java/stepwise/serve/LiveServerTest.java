package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over HTTP, in process: who it answers, what it serves, what it writes. */
class LiveServerTest {
    private static final String TEXT = "stack Q1 {\n  H1 = conv(k=5, s=2, d=1)\n  H2 = conv(k=3, s=1)\n  H3 = conv(k=5, d=2)\n}\n"
            + "derive receptive_field(Q1)\nsweep receptive_field(Q1) over H3.d = 1..4\nderive receptive_field(Q1) where H1.s = s\n";
    private static Path dir;
    private static Path file;
    private static LiveServer server;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("stepwise-serve");
        file = dir.resolve("q1.deriv");
        Files.writeString(file, TEXT);
        server = LiveServer.start(file, 0);
        port = server.uri().getPort();
    }

    @AfterAll
    static void stop() { server.close(); }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(server.uri().resolve(path)).header("X-Stepwise", "page")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itListensOnTheLoopbackAddressOnly() {
        assertEquals("127.0.0.1", server.uri().getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example", "192.168.1.10"})
    void aForeignHostIsRefused(String host) throws Exception {
        String hostHeader = host.contains(":") || host.equals("127.0.0.1") ? host : host + ":" + port;
        String answer = Http.raw(port, "GET / HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("refused: this server answers only to 127.0.0.1:" + port + " or localhost:" + port), answer);
    }

    @Test
    void aRequestWithoutHostIsRefused() throws Exception {
        assertTrue(Http.raw(port, "GET / HTTP/1.0\r\n\r\n").startsWith("HTTP/1.1 403"));
    }

    @Test
    void theLoopbackNamesAreAnswered() throws Exception {
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port)) {
            String answer = Http.raw(port, "GET /api/file HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q1.deriv", "/../q1.deriv", "/%2e%2e/pom.xml", "/katex/../pom.xml", "/katex/fonts/../../../pom.xml",
            "/katex/fonts/KaTeX_Main-Regular.otf", "/stepwise/serve/page.js", "/META-INF/MANIFEST.MF", "/katex/contrib/auto-render.js",
            "/index.html", "/api", "/api/save"})
    void onlyThePageAndItsAssetsAreServed(String path) throws Exception {
        String answer = Http.raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 404"), path + ": " + answer.lines().findFirst().orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/page.js", "/page.css", "/katex/katex.min.js", "/katex/katex.min.css", "/katex/fonts/KaTeX_Main-Regular.woff2"})
    void thePageAndKatexComeFromTheJar(String path) throws Exception {
        var response = get(path);
        assertEquals(200, response.statusCode(), path);
        assertTrue(response.body().length() > 100, path);
    }

    @Test
    void theFileIsServedWithItsName() throws Exception {
        var response = get("/api/file");
        assertTrue(response.body().startsWith("{\"name\":\"q1.deriv\",\"text\":\"stack Q1 {\\n"), response.body());
        assertTrue(response.body().endsWith("\"saveable\":true}"), response.body());
    }

    @Test
    void aChangeMustComeFromThePageItself() throws Exception {
        String body = "stack S { conv(k=3) }\n";
        String plain = "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        assertTrue(Http.raw(port, plain).contains("refused: a change must come from the page itself"));
        String foreign = "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Stepwise: page\r\nOrigin: http://evil.example\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        assertTrue(Http.raw(port, foreign).contains("refused: requests from http://evil.example are refused"));
        String crossSite = "POST /api/derive HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Stepwise: page\r\nSec-Fetch-Site: cross-site\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        assertTrue(Http.raw(port, crossSite).startsWith("HTTP/1.1 403"));
        assertEquals(TEXT, Files.readString(file), "nothing was written");
    }

    @Test
    void postedTextHasASizeLimit() throws Exception {
        var response = post("/api/derive", "#".repeat(SourceFile.MAX_BYTES + 1));
        assertEquals(413, response.statusCode());
        assertEquals("{\"error\":\"the text is larger than 1048576 bytes\"}", response.body());
    }

    @Test
    void aTextIsDerivedWithItsSliders() throws Exception {
        var response = post("/api/derive", TEXT);
        assertEquals(200, response.statusCode());
        String json = response.body();
        assertTrue(json.startsWith("{\"status\":\"done\",\"ms\":"), json);
        assertTrue(json.contains("\"heading\":\"sweep receptive_field(Q1) over H3.d\""), json);
        assertTrue(json.contains("\"knobs\":[{\"id\":\"H3.d\",\"label\":\"H3.d\",\"domain\":\"whole\",\"min\":\"1\",\"max\":\"16\",\"step\":\"1\",\"initial\":\"1\"}]"), json);
        assertTrue(json.contains("\"value\":\"5 + 10*s\",\"knobs\":[{\"id\":\"s\",\"label\":\"s (H1.s)\",\"domain\":\"whole\""), json);
        assertTrue(response.headers().firstValue("Server-Timing").orElseThrow().startsWith("derive;dur="));
    }

    @Test
    void aSyntaxErrorIsLocated() throws Exception {
        String json = post("/api/derive", TEXT + "derive receptive_field(Q1\n").body();
        assertTrue(json.contains("\"parsed\":false,\"derived\":0,\"sections\":[],\"problems\":[{\"line\":10,\"column\":1,"), json);
        assertTrue(json.contains(file + ":10:1: error: "), json);
    }

    @Test
    void aBadStatementIsLocatedAndTheOthersAreStillDerived() throws Exception {
        String json = post("/api/derive", TEXT + "derive receptive_field(Q9)\n").body();
        assertTrue(json.contains("{\"line\":9,\"column\":24,\"length\":2,\"message\":\"no stack named 'Q9'; stacks are Q1\""), json);
        assertTrue(json.contains("\"heading\":\"derive receptive_field(Q1)\""), json);
    }

    @Test
    void aSliderDerivesTheStatementAtItsValue() throws Exception {
        String json = post("/api/variant?statement=2&v.H3.d=3&plot=H3.d", TEXT).body();
        assertTrue(json.contains("\"heading\":\"derive receptive_field(Q1) where H3.d = 3\""), json);
        assertTrue(json.contains("\"status\":\"ok\",\"verification\":\"9 of 9 steps verified\",\"value\":\"33\""), json);
        assertTrue(json.contains("\"plot\":\"<svg xmlns=\\\"http://www.w3.org/2000/svg\\\""), json);
        assertTrue(json.contains("<title>receptive field against H3.d</title>"), json);
        String symbolic = post("/api/variant?statement=2&symbolic=1", TEXT).body();
        assertTrue(symbolic.contains("\"value\":\"9 + 8*d\""), symbolic);
        String stride = post("/api/variant?statement=3&v.s=3", TEXT).body();
        assertTrue(stride.contains("\"value\":\"35\""), stride);
    }

    @Test
    void aTwoParameterSweepHasASliderForEachParameter() throws Exception {
        String text = TEXT + "sweep receptive_field(Q1) over H3.d = 1..4, H1.s = [2, 1]\n";
        String json = post("/api/derive", text).body();
        assertTrue(json.contains("\"heading\":\"sweep receptive_field(Q1) over H3.d, H1.s\""), json);
        assertTrue(json.contains("\"verification\":\"8 of 8 rows verified\""), json);
        assertTrue(json.contains("\"knobs\":[{\"id\":\"H3.d\",\"label\":\"H3.d\",\"domain\":\"whole\",\"min\":\"1\",\"max\":\"16\",\"step\":\"1\",\"initial\":\"1\"},"
                + "{\"id\":\"H1.s\",\"label\":\"H1.s\",\"domain\":\"whole\",\"min\":\"1\",\"max\":\"16\",\"step\":\"1\",\"initial\":\"2\"}]"), json);
        String variant = post("/api/variant?statement=4&v.H3.d=3&v.H1.s=1&plot=H1.s", text).body();
        assertTrue(variant.contains("\"heading\":\"derive receptive_field(Q1) where H3.d = 3, H1.s = 1\""), variant);
        // RF = 5 + 2 s + 4 d s: 19 at d = 3, s = 1; the plot runs along the slider that moved.
        assertTrue(variant.contains("\"value\":\"19\""), variant);
        assertTrue(variant.contains("<title>receptive field against H1.s at H3.d = 3</title>"), variant);
        String symbolic = post("/api/variant?statement=4&symbolic=1", text).body();
        assertTrue(symbolic.contains("\"heading\":\"derive receptive_field(Q1) where H3.d = d, H1.s = s\""), symbolic);
        assertTrue(symbolic.contains("\"value\":\"5 + 2*s + 4*s*d\""), symbolic);
        String same = TEXT + "sweep receptive_field(Q1) over H3.d = 1..4, H2.d = [1, 2]\n";
        String both = post("/api/variant?statement=4&symbolic=1", same).body();
        assertTrue(both.contains("where H3.d = d_H3, H2.d = d_H2"), both);
        assertTrue(both.contains("\"value\":\"5 + 4*d_H2 + 8*d_H3\""), both);
    }

    @Test
    void aKlSweepHasASliderPerSymbolWithinItsDomain() throws Exception {
        String text = "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)\nsweep KL(q || p) over sigma = [1, 2, 3], mu = [0, 1]\n";
        String json = post("/api/derive", text).body();
        assertTrue(json.contains("\"heading\":\"sweep KL(q || p) over sigma, mu\""), json);
        assertTrue(json.contains("\"verification\":\"6 of 6 rows verified\""), json);
        assertTrue(json.contains("\"knobs\":[{\"id\":\"sigma\",\"label\":\"sigma\",\"domain\":\"positive\""), json);
        assertTrue(json.contains("{\"id\":\"mu\",\"label\":\"mu\",\"domain\":\"real\""), json);
        String variant = post("/api/variant?statement=2&v.sigma=2&v.mu=1&plot=sigma", text).body();
        assertTrue(variant.contains("\"value\":\"2 - log(2)\""), variant);
        assertTrue(variant.contains("<title>KL(q || p) against sigma at mu = 1</title>"), variant);
        String symbolic = post("/api/variant?statement=2&symbolic=1", text).body();
        assertTrue(symbolic.contains("\"heading\":\"derive KL(q || p)\""), symbolic);
        assertTrue(symbolic.contains("\"value\":\"1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)\""), symbolic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v.H3.d=0", "v.H3.d=2.5", "v.H3.d=17", "v.H3.d=x", "v.H9.d=2"})
    void aSliderValueOutsideItsDomainIsRefused(String value) throws Exception {
        var response = post("/api/variant?statement=2&" + value, TEXT);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"status\":\"error\",\"error\":\""), response.body());
    }

    @Test
    void savingWritesTheNamedFileAtomicallyAndNothingElse() throws Exception {
        String edited = TEXT.replace("k=5, s=2", "k=7, s=2");
        try {
            var response = post("/api/save", edited);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(edited, Files.readString(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), "no temporary file is left beside it");
            }
        } finally {
            Files.writeString(file, TEXT);
        }
    }

    @Test
    void aChangeOnDiskIsAnnouncedToThePage() throws Exception {
        var request = HttpRequest.newBuilder(server.uri().resolve("/api/events")).build();
        var lines = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()).body();
        var iterator = lines.iterator();
        assertEquals(": stepwise", iterator.next());
        String changed = TEXT + "derive output_size(Q1, n=32)\n";
        Files.writeString(file, changed);
        var event = CompletableFuture.supplyAsync(() -> {
            while (iterator.hasNext()) {
                String line = iterator.next();
                // Other tests restore the file too; the event for this change is the one with its text.
                if (line.startsWith("data: ") && line.contains("derive output_size(Q1, n=32)")) return line;
            }
            return null;
        });
        try {
            // A guard against a hang, not a timing: the file is polled every 200 ms.
            String data = event.get(30, TimeUnit.SECONDS);
            assertTrue(data != null && data.startsWith("data: {\"text\":\"stack Q1 {\\n"), data);
        } finally {
            lines.close();
            Files.writeString(file, TEXT);
        }
    }

    @Test
    void withoutAFileNothingCanBeSaved() throws Exception {
        try (var unnamed = LiveServer.start(null, 0)) {
            var request = HttpRequest.newBuilder(unnamed.uri().resolve("/api/save")).header("X-Stepwise", "page")
                    .POST(HttpRequest.BodyPublishers.ofString("stack S { conv(k=3) }", StandardCharsets.UTF_8)).build();
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(409, response.statusCode());
            assertEquals(URI.create("http://127.0.0.1:" + unnamed.uri().getPort() + "/"), unnamed.uri());
        }
    }
}
