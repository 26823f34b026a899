package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve says when it cannot start (it serves until stopped otherwise: see LivePageIT). */
class ServeCommandTest {
    @TempDir Path dir;

    private static String[] run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        var r = run("serve", "--port", "70000");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("--port must be between 0 and 65535, got 70000"), r[2]);
    }

    @Test
    void aFolderIsNotAFile() {
        var r = run("serve", dir.toString());
        assertEquals("2", r[0]);
        assertEquals(dir + ": error: is a directory, not a file\n", r[2]);
    }

    @Test
    void aFileInAMissingFolderIsRefused() {
        var r = run("serve", dir.resolve("nowhere").resolve("a.deriv").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].endsWith(": error: no such folder\n"), r[2]);
    }

    @Test
    void itIsListedInTheHelp() {
        assertTrue(run("--help")[1].contains("serve"));
    }
}
