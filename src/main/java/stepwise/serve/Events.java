package stepwise.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events: each open page keeps one response open and gets a message when the file
 * changes on disk. A comment every few seconds keeps the connection open and finds closed ones.
 */
final class Events {
    /** Pages beyond this many are refused, so that event streams cannot hold every thread. */
    static final int MAX_CLIENTS = 16;

    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();

    /** Takes over the exchange: headers now, then messages until the page goes away; null when too many are open. */
    OutputStream open(HttpExchange ex) throws IOException {
        if (clients.size() >= MAX_CLIENTS) return null;
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": stepwise\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        clients.add(out);
        return out;
    }

    boolean isOpen(OutputStream out) { return clients.contains(out); }

    void send(String event, String json) {
        byte[] message = ("event: " + event + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : clients) write(out, message);
    }

    void keepAlive() {
        byte[] comment = ": alive\n\n".getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : clients) write(out, comment);
    }

    private void write(OutputStream out, byte[] bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException gone) {
            clients.remove(out);
            try {
                out.close();
            } catch (IOException ignored) {
                // The page has gone; nothing to tell it.
            }
        }
    }

    void closeAll() {
        for (OutputStream out : clients) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Closing at shutdown; the page will reconnect or not.
            }
        }
        clients.clear();
    }
}
