package stepwise.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import stepwise.ast.Span;
import stepwise.diag.BadInput;
import stepwise.diag.Diagnostic;

/** Reads a source file as text; bytes that are not UTF-8 become U+FFFD so the lexer can point at them. */
final class InputFile {
    private InputFile() {}

    static final long MAX_BYTES = 16L * 1024 * 1024;

    static String read(Path path) {
        try {
            if (Files.isDirectory(path)) throw error(path, "is a directory, not a file");
            long size = Files.size(path);
            if (size > MAX_BYTES) throw error(path, "file is too large (" + size + " bytes; the limit is 16 MiB)");
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw error(path, "no such file");
        } catch (IOException e) {
            throw error(path, "cannot read the file: " + e.getMessage());
        }
    }

    private static BadInput error(Path path, String message) {
        return new BadInput(new Diagnostic(path.toString(), Span.NONE, message));
    }
}
