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
            if (Files.isDirectory(path)) throw error(path, "cannot read the input: it is a folder, not a file");
            long size = Files.size(path);
            if (size > MAX_BYTES) throw error(path, "file is too large (" + size + " bytes; the limit is 16 MiB)");
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return withoutByteOrderMark(text);
        } catch (NoSuchFileException e) {
            throw error(path, "cannot read the input: no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw error(path, "cannot read the input: permission denied");
        } catch (IOException e) {
            throw error(path, "cannot read the input: " + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()));
        }
    }

    /** Some editors start a UTF-8 file with U+FEFF; it is not part of the text. */
    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static BadInput error(Path path, String message) {
        return new BadInput(new Diagnostic(path.toString(), Span.NONE, message));
    }
}
