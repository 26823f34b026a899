package stepwise.tex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs pdflatex on a document in a scratch folder and reads its log: errors and overfull boxes. */
public final class Pdflatex {
    private Pdflatex() {}

    /** What one compilation produced. {@code problems} lists every error and every overfull box, with its log line. */
    public record Outcome(int exitCode, List<String> problems, String log, Path pdf) {
        public boolean clean() { return exitCode == 0 && problems.isEmpty(); }

        public long overfull() { return problems.stream().filter(p -> p.startsWith("Overfull")).count(); }
    }

    public static boolean available() {
        try {
            var p = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static Outcome compile(String document, Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".tex"), document, StandardCharsets.UTF_8);
        var p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pdflatex did not finish in 120 s on " + name);
        }
        Path logFile = dir.resolve(name + ".log");
        String log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
        return new Outcome(p.exitValue(), problems(log), log, dir.resolve(name + ".pdf"));
    }

    /** The text of each page of a compiled document, in order (poppler's {@code pdftotext}, which .ci/run installs with pdftoppm). */
    public static List<String> pages(Path pdf) throws IOException, InterruptedException {
        var p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(false).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pdftotext failed on " + pdf);
        return List.of(text.split("\f", -1));
    }

    static List<String> problems(String log) {
        var out = new ArrayList<String>();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("!") || l.startsWith("Overfull") || l.contains("LaTeX Error") || l.startsWith("Missing character")) {
                out.add(l + (l.startsWith("!") && i + 1 < lines.length ? " " + lines[i + 1] : ""));
            }
        }
        return out;
    }
}
