package stepwise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
            if (Files.isDirectory(out)) throw cannotWrite(out, "it is a folder; name a file to write");
            if (dir == null || !Files.exists(dir)) throw cannotWrite(out, "the folder " + dir + " does not exist");
            if (!Files.isDirectory(dir)) throw cannotWrite(out, dir + " is not a folder");
            if (!Files.isWritable(dir)) throw cannotWrite(out, "the folder " + dir + " is not writable");
            stepwise.AtomicFile.replace(out, text);
        } catch (java.nio.file.AccessDeniedException e) {
            throw cannotWrite(out, "permission denied");
        } catch (java.nio.file.FileSystemException e) {
            // Its message names the temporary file; its reason is what the user needs.
            throw cannotWrite(out, e.getReason() == null ? "the file system refused" : e.getReason());
        } catch (IOException e) {
            throw cannotWrite(out, "the file system refused (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static BadInput cannotWrite(Path out, String why) {
        return new BadInput(new Diagnostic(out.toString(), Span.NONE, "cannot write the output " + out + ": " + why));
    }
}
