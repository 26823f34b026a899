package stepwise.serve;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written byte for byte, so that tests can send any Host header (Java's HTTP client will not). */
final class Http {
    private Http() {}

    static String raw(int port, String request) throws IOException {
        return raw(port, request.getBytes(StandardCharsets.UTF_8));
    }

    static String raw(int port, byte[] request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
