package stepwise.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The one file the page may read and write. Saving is atomic: the text goes to a temporary file in
 * the same folder, which then replaces the file by a rename, so an editor or a reader never sees a
 * half-written file. The last text read or written is remembered, so the page's own save is not
 * reported back to it as a change on disk.
 */
final class SourceFile {
    /** Larger texts are refused, both on disk and from the page. */
    static final int MAX_BYTES = 1 << 20;

    private final Path path;
    private String known = "";
    private FileTime modified;
    private long size = -1;

    SourceFile(Path path) { this.path = path.toAbsolutePath().normalize(); }

    Path path() { return path; }

    /** The text on disk, or empty text when the file does not exist yet (saving creates it). */
    synchronized String read() throws IOException {
        try {
            long bytes = Files.size(path);
            if (bytes > MAX_BYTES) throw new IOException(path.getFileName() + " is too large (" + bytes + " bytes; the limit is " + MAX_BYTES + ")");
            modified = Files.getLastModifiedTime(path);
            size = bytes;
            known = decode(Files.readAllBytes(path));
        } catch (NoSuchFileException absent) {
            known = "";
        }
        return known;
    }

    /** The new text when the file changed on disk since it was last read or written, else null. */
    synchronized String changed() throws IOException {
        if (!Files.isRegularFile(path)) return null;
        FileTime m = Files.getLastModifiedTime(path);
        long s = Files.size(path);
        if (m.equals(modified) && s == size) return null;
        String before = known;
        String now = read();
        return now.equals(before) ? null : now;
    }

    synchronized void save(String text) throws IOException {
        stepwise.AtomicFile.replace(path, text);
        known = text;
        modified = Files.getLastModifiedTime(path);
        size = Files.size(path);
    }

    /** Bytes that are not UTF-8 become U+FFFD, so that the parser can point at them. */
    static String decode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
