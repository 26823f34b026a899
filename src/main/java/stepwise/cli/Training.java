package stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run: every command a user runs, over every example file, in one JVM, so that
 * the class-data archive written from it holds every class a real run loads. Output is discarded;
 * the examples' correctness is the tests' business, not this run's.
 * Usage: {@code Training DIR...} (the folders of example files).
 */
public final class Training {
    private Training() {}

    public static void main(String[] dirs) throws IOException {
        var quiet = new PrintWriter(Writer.nullWriter());
        Main.run(quiet, quiet, "rules");
        Main.run(quiet, quiet, "--help");
        Main.run(quiet, quiet, "derive", "no-such-file.deriv");
        for (Path file : examples(dirs)) {
            String name = file.toString();
            if (name.endsWith(".tex")) {
                for (String format : List.of("text", "json")) Main.run(quiet, quiet, "check", name, "--format", format);
            } else {
                for (String format : List.of("text", "markdown", "latex", "json")) Main.run(quiet, quiet, "derive", name, "--format", format);
                Main.run(quiet, quiet, "derive", name, "--format", "latex", "--standalone");
                Main.run(quiet, quiet, "check", name);
            }
        }
        // Symja's thread is a daemon; the archive is written when the JVM exits here.
        System.exit(0);
    }

    private static List<Path> examples(String[] dirs) throws IOException {
        var out = new ArrayList<Path>();
        for (String dir : dirs) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".deriv") || f.toString().endsWith(".tex")).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
