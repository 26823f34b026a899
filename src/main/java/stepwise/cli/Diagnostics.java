package stepwise.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import stepwise.diag.BadInput;
import stepwise.diag.DiagnosticRenderer;

/** Prints a bad-input diagnostic with its source line and caret, and gives the exit status. */
final class Diagnostics {
    private Diagnostics() {}

    static int report(BadInput e, Path source, PrintWriter err) {
        String text = null;
        try {
            if (source != null && Files.isRegularFile(source) && Files.size(source) <= InputFile.MAX_BYTES) text = InputFile.read(source);
        } catch (Exception unreadable) {
            // The message stands without its source line.
        }
        for (var d : e.all()) err.print(DiagnosticRenderer.render(d, text));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
