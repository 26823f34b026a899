package stepwise.serve;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the server. It listens on the loopback address only; on top of that a request
 * must name this server in its {@code Host} header (so a web page elsewhere cannot reach it by
 * pointing a name of its own at 127.0.0.1), and a request that changes anything must come from the
 * page itself: it carries a header that a foreign page cannot send without the server's consent
 * (which it never gives), and an {@code Origin}, when there is one, of this server.
 */
final class Guard {
    static final String PAGE_HEADER = "X-Stepwise";

    private final Set<String> hosts;
    private final Set<String> origins;

    Guard(int port) {
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** Why a request is refused, or null when it may go on. */
    String refuse(String method, Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return "this server answers only to " + String.join(" or ", hosts.stream().sorted().toList()) + ", not to Host '" + host + "'";
        }
        if (method.equals("GET") || method.equals("HEAD")) return null;
        if (!method.equals("POST")) return "method " + method + " is not used here";
        if (!"page".equals(headers.getFirst(PAGE_HEADER))) return "a change must come from the page itself";
        String origin = headers.getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) return "requests from " + origin + " are refused";
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return "cross-site requests are refused";
        return null;
    }
}
