package stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;

/** Where a command's output goes: standard output, or a file written atomically (temporary file, then rename). */
final class Output {
    private Output() {}

    static void write(String text, Path out, Path input, PrintWriter stdout) {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            if (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input)) {
                throw new BadInput(new Diagnostic(out.toString(), Span.NONE, "refusing to overwrite the input file"));
            }
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BadInput(new Diagnostic(out.toString(), Span.NONE, "cannot write the output: " + e.getMessage()));
        }
    }
}
