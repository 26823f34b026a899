package stepwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import stepwise.Stepwise;
import stepwise.diag.BadInput;

/**
 * A look at the command line before it is parsed: when the file to derive or check will need the
 * algebra engine, its start-up (the longest part of a symbolic run) begins at once, on its own thread,
 * so that it overlaps the parsing of the command line and of the file. A wrong guess costs nothing
 * but the thread: the commands themselves decide what runs.
 */
final class EarlyStart {
    private EarlyStart() {}

    private static final Set<String> FILE_COMMANDS = Set.of("derive", "check");

    static void fromArguments(String[] args) {
        if (args.length < 2 || !FILE_COMMANDS.contains(args[0])) return;
        startAlgebraIfNeeded(args); // first: the longer of the two
        startParser();
    }

    private static void startAlgebraIfNeeded(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                if (!a.contains("=") && (a.equals("--format") || a.equals("-o") || a.equals("--output"))) i++; // the option's value
                continue;
            }
            Path file = Path.of(a);
            if (!Files.isRegularFile(file)) return;
            try {
                Stepwise.startAlgebraFor(a, InputFile.read(file));
            } catch (BadInput | java.nio.file.InvalidPathException unreadable) {
                // the command reports it
            }
            return;
        }
    }

    /**
     * The grammar's parser and lexer rebuild their tables when first used (some milliseconds): done
     * on a thread of their own, that overlaps reading the command line. Class initialisation is
     * thread-safe: a parse that comes first waits for it, as it would have done it itself.
     */
    private static void startParser() {
        Thread t = new Thread(() -> {
            try {
                Class.forName(stepwise.syntax.gen.DerivLexer.class.getName(), true, EarlyStart.class.getClassLoader());
                Class.forName(stepwise.syntax.gen.DerivParser.class.getName(), true, EarlyStart.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError cannot) {
                // the parse itself will report it
            }
        }, "parser-tables");
        t.setDaemon(true);
        t.start();
    }
}
