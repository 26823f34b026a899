package stepwise.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import stepwise.diag.BadInput;

/**
 * {@code stepwise serve}: a page on 127.0.0.1 where a file's derivations follow its text, as typed
 * in the page or saved by another editor, and its what-ifs follow sliders. One warm engine derives
 * everything ({@link Engine}); the page asks over HTTP and hears of changes on disk as server-sent
 * events. Nothing is written but the named file, and only when the page asks to save it.
 */
public final class LiveServer implements AutoCloseable {
    /** How long a request waits for its derivation before it is answered "still deriving". */
    static final long BOUND_MILLIS = 8_000;
    private static final long POLL_MILLIS = 200;

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService follower;
    private final Engine engine = new Engine(BOUND_MILLIS);
    private final Events events = new Events();
    private final SourceFile file;
    private final Deriver deriver;
    private final Guard guard;

    private LiveServer(Path path, int port) throws IOException {
        this.file = path == null ? null : new SourceFile(path);
        this.deriver = new Deriver(path == null ? "untitled.deriv" : path.toString());
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 32);
        guard = new Guard(http.getAddress().getPort());
        handlers = Executors.newCachedThreadPool(daemon("stepwise-http"));
        follower = Executors.newSingleThreadScheduledExecutor(daemon("stepwise-follow"));
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
    }

    /**
     * Starts a server for {@code file} (or an empty, unsaved text when null) on 127.0.0.1, on
     * {@code port} (0: any free port), and warms the engine on the file.
     */
    public static LiveServer start(Path file, int port) throws IOException {
        var server = new LiveServer(file, port);
        String text = server.file == null ? "" : server.file.read();
        server.http.start();
        server.follower.scheduleWithFixedDelay(server::follow, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        server.follower.scheduleWithFixedDelay(server.events::keepAlive, 10, 10, TimeUnit.SECONDS);
        stepwise.cas.Cas.prewarm();
        server.engine.run("text", superseded -> server.deriver.derive(text, superseded));
        return server;
    }

    public URI uri() { return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/"); }

    @Override public void close() {
        follower.shutdownNow();
        events.closeAll();
        http.stop(0);
        handlers.shutdownNow();
        engine.close();
    }

    private void follow() {
        if (file == null) return;
        try {
            String text = file.changed();
            if (text != null) events.send("file", PageJson.object(g -> g.writeStringField("text", text)));
        } catch (IOException | RuntimeException unreadable) {
            // Half-written or briefly missing while another editor saves: the next poll reads it.
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String refusal = guard.refuse(ex.getRequestMethod(), ex.getRequestHeaders());
            if (refusal != null) {
                send(ex, 403, "text/plain; charset=utf-8", ("refused: " + refusal + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (method.equals("POST")) post(ex, path);
            else get(ex, path);
        } catch (RuntimeException bug) {
            send(ex, 500, "text/plain; charset=utf-8", ("internal error: " + bug + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void get(HttpExchange ex, String path) throws IOException {
        switch (path) {
            case "/api/file" -> json(ex, 200, PageJson.object(g -> {
                g.writeStringField("name", file == null ? "untitled.deriv" : file.path().getFileName().toString());
                g.writeStringField("text", file == null ? "" : file.read());
                g.writeBooleanField("saveable", file != null);
            }));
            case "/api/events" -> {
                var stream = events.open(ex);
                if (stream == null) json(ex, 503, PageJson.object(g -> g.writeStringField("error", "too many pages are open")));
                else holdOpen(stream);
            }
            default -> {
                var asset = Assets.at(path);
                if (asset == null) send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                else {
                    ex.getResponseHeaders().set("Cache-Control", path.startsWith("/katex/") ? "max-age=86400" : "no-cache");
                    send(ex, 200, asset.type(), asset.bytes());
                }
            }
        }
    }

    /** An event stream stays open until the page goes (a keep-alive finds that out) or the server stops. */
    private void holdOpen(OutputStream stream) {
        try {
            while (events.isOpen(stream) && !follower.isShutdown()) Thread.sleep(250);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(HttpExchange ex, String path) throws IOException {
        String text = body(ex);
        if (text == null) {
            json(ex, 413, PageJson.object(g -> g.writeStringField("error", "the text is larger than " + SourceFile.MAX_BYTES + " bytes")));
            return;
        }
        switch (path) {
            case "/api/derive" -> derive(ex, text);
            case "/api/variant" -> variant(ex, text, query(ex.getRequestURI()));
            case "/api/save" -> save(ex, text);
            default -> send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void derive(HttpExchange ex, String text) throws IOException {
        long start = System.nanoTime();
        var outcome = engine.run("text", superseded -> deriver.derive(text, superseded));
        answer(ex, outcome, start, g -> PageJson.page(g, outcome.value()));
    }

    private void variant(HttpExchange ex, String text, Map<String, String> query) throws IOException {
        long start = System.nanoTime();
        int statement;
        try {
            statement = Integer.parseInt(query.getOrDefault("statement", ""));
        } catch (NumberFormatException e) {
            json(ex, 400, PageJson.object(g -> g.writeStringField("error", "which statement? ?statement=N")));
            return;
        }
        boolean symbolic = "1".equals(query.get("symbolic"));
        var values = new LinkedHashMap<String, String>();
        query.forEach((k, v) -> { if (k.startsWith("v.")) values.put(k.substring(2), v); });
        var outcome = engine.run("variant", superseded -> deriver.variantWithPlot(text, statement, values, symbolic, query.get("plot")));
        answer(ex, outcome, start, g -> {
            g.writeFieldName("section");
            PageJson.section(g, outcome.value().section());
            if (outcome.value().plot() != null) g.writeStringField("plot", outcome.value().plot());
        });
    }

    private <T> void answer(HttpExchange ex, Engine.Outcome<T> outcome, long start, PageJson.Body body) throws IOException {
        double millis = (System.nanoTime() - start) / 1e6;
        ex.getResponseHeaders().set("Server-Timing", String.format(java.util.Locale.ROOT, "derive;dur=%.1f", millis));
        if (outcome.status() == Engine.Status.FAILED) {
            RuntimeException e = outcome.error();
            String message = e instanceof BadInput b ? b.getMessage() : e instanceof IllegalArgumentException ? e.getMessage() : "internal error: " + e;
            int code = e instanceof BadInput || e instanceof IllegalArgumentException ? 400 : 500;
            json(ex, code, PageJson.object(g -> {
                g.writeStringField("status", "error");
                g.writeStringField("error", message);
            }));
            return;
        }
        json(ex, 200, PageJson.object(g -> {
            g.writeStringField("status", switch (outcome.status()) {
                case DONE -> "done";
                case SUPERSEDED -> "superseded";
                default -> "slow";
            });
            g.writeNumberField("ms", Math.round(millis * 10) / 10.0);
            if (outcome.status() == Engine.Status.TIMED_OUT) g.writeNumberField("bound_ms", engine.boundMillis());
            if (outcome.status() == Engine.Status.DONE) body.write(g);
        }));
    }

    private void save(HttpExchange ex, String text) throws IOException {
        if (file == null) {
            json(ex, 409, PageJson.object(g -> g.writeStringField("error", "no file was named: start with stepwise serve FILE.deriv to save")));
            return;
        }
        try {
            file.save(text);
            json(ex, 200, PageJson.object(g -> {
                g.writeBooleanField("saved", true);
                g.writeStringField("name", file.path().getFileName().toString());
            }));
        } catch (IOException e) {
            json(ex, 500, PageJson.object(g -> g.writeStringField("error", "cannot save: " + e.getMessage())));
        }
    }

    /** The request's text, or null when it is over the limit. */
    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(SourceFile.MAX_BYTES + 1);
            if (bytes.length > SourceFile.MAX_BYTES) return null;
            return SourceFile.decode(bytes);
        }
    }

    static Map<String, String> query(URI uri) {
        var out = new LinkedHashMap<String, String>();
        String raw = uri.getRawQuery();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange ex, int code, String json) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, code, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] bytes) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
