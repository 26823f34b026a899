package stepwise.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page's own files, and KaTeX with its fonts from the KaTeX webjar on the class path. Only
 * these names are served: the page's three files, KaTeX's script and style sheet, and font files
 * by a plain name; no other path reaches the class path or the disk.
 */
final class Assets {
    private Assets() {}

    /** A file to send: its bytes and content type. */
    record Asset(byte[] bytes, String type) {}

    private static final Map<String, String> PAGE = Map.of(
            "/", "index.html", "/page.js", "page.js", "/page.css", "page.css");
    private static final Pattern FONT = Pattern.compile("/katex/fonts/(KaTeX_[A-Za-z0-9_-]+\\.(woff2|woff|ttf))");
    private static final Map<String, Asset> LOADED = new ConcurrentHashMap<>();

    /** The asset at a request path, or null when there is none (the caller answers 404). */
    static Asset at(String path) {
        if (PAGE.containsKey(path)) return load(path, "/stepwise/serve/" + PAGE.get(path));
        if (path.equals("/katex/katex.min.js") || path.equals("/katex/katex.min.css")) {
            return load(path, katexDir() + path.substring("/katex/".length()));
        }
        var font = FONT.matcher(path);
        if (font.matches()) return load(path, katexDir() + "fonts/" + font.group(1));
        return null;
    }

    private static Asset load(String path, String resource) {
        Asset cached = LOADED.get(path);
        if (cached != null) return cached;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            var asset = new Asset(in.readAllBytes(), type(resource));
            LOADED.put(path, asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".woff2")) return "font/woff2";
        if (name.endsWith(".woff")) return "font/woff";
        return "font/ttf";
    }

    private static volatile String katex;

    /** Where the webjar keeps KaTeX's dist folder, found from the version the webjar records. */
    static String katexDir() {
        if (katex == null) katex = "/META-INF/resources/webjars/katex/" + katexVersion() + "/dist/";
        return katex;
    }

    static String katexVersion() {
        try (InputStream in = Assets.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            if (in == null) throw new IllegalStateException("KaTeX is missing from the class path (the org.webjars.npm:katex webjar)");
            var p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
