package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;

/** check with many files or a folder: one process, each file's verdicts, a summary table, --strict, the JSON of the SPEC. */
class CheckBatchTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void aClass() throws IOException {
        write("right.deriv", "check \"H3\" {\n  9 + (5 - 1) * (2 * 1) * 2\n  = 25\n}\n");
        write("wrong.deriv", "check \"H3\" {\n  9 + (5 - 1) * (2 * 1) * 2\n  = 26\n}\n");
        write("unsure.deriv", "check {\n  f(x)\n  = x\n}\n");
        write("notes.tex", "% stepwise: dist q = Normal(mu, sigma^2)\n\\[ \\mathbb{E}_q[z] = \\mu \\]\n\\[ a &= \\foo \\]\n");
        write("readme.txt", "not checked");
    }

    @Test
    void aFolderIsCheckedWithASummaryTable() throws IOException {
        aClass();
        var run = Fixtures.cli("check", dir.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        String table = run.out().substring(run.out().indexOf("file  "));
        // Columns are padded to the longest file name; compared with runs of spaces as one.
        assertEquals("""
                file holds fails unknown not read first error
                DIR/notes.tex 1 0 0 1 -
                DIR/right.deriv 1 0 0 0 -
                DIR/unsure.deriv 0 0 1 0 -
                DIR/wrong.deriv 0 1 0 0 line 3
                total: 4 files, 1 with errors 2 1 1 1
                """.replace("DIR", dir.toString()), table.replaceAll(" +", " ").replaceAll(" \n", "\n"));
        assertTrue(run.out().contains(dir.resolve("notes.tex") + ": 1 holds, 0 fail, 0 unknown, 1 display not read"), run.out());
    }

    @Test
    void strictCountsUnknownAndUnreadAsWrong() throws IOException {
        aClass();
        assertEquals(0, Fixtures.cli("check", dir.resolve("right.deriv").toString(), dir.resolve("unsure.deriv").toString()).status());
        assertEquals(1, Fixtures.cli("check", "--strict", dir.resolve("right.deriv").toString(), dir.resolve("unsure.deriv").toString()).status());
        assertEquals(1, Fixtures.cli("check", "--strict", dir.resolve("notes.tex").toString()).status());
        assertEquals(0, Fixtures.cli("check", dir.resolve("notes.tex").toString()).status());
    }

    @Test
    void jsonHoldsOneObjectPerFileAndASummary() throws IOException {
        aClass();
        var run = Fixtures.cli("check", "--format", "json", dir.resolve("right.deriv").toString(), dir.resolve("unsure.deriv").toString(),
                dir.resolve("wrong.deriv").toString());
        var fields = new java.util.ArrayList<String>();
        try (JsonParser p = new JsonFactory().createParser(run.out())) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                if (t == JsonToken.FIELD_NAME && depth == 1) fields.add(p.currentName());
                if (t == JsonToken.FIELD_NAME && depth == 3 && p.currentName().equals("ok")) {
                    p.nextToken();
                    fields.add("ok=" + p.getText());
                }
            }
        }
        assertEquals(java.util.List.of("files", "ok=true", "ok=null", "ok=false", "summary"), fields);
        assertTrue(run.out().contains("\"fails\" : 1"), run.out());
    }

    @Test
    void aFileThatCannotBeReadIsNamedAndTheOthersAreStillChecked() throws IOException {
        aClass();
        Path bad = write("bad.deriv", "check {\n  1 +\n}\n");
        var run = Fixtures.cli("check", bad.toString(), dir.resolve("right.deriv").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith(bad + ":"), run.err());
        assertTrue(run.out().contains("bad input: "), run.out());
        assertTrue(java.util.regex.Pattern.compile("right\\.deriv +1 +0 +0 +0 +-").matcher(run.out()).find(), run.out());
    }

    @Test
    void oneFileEndsWithItsCounts() throws IOException {
        aClass();
        var run = Fixtures.cli("check", dir.resolve("wrong.deriv").toString());
        assertEquals(1, run.status());
        assertTrue(run.out().endsWith("\n0 hold, 1 fails, 0 unknown\n"), run.out());
    }
}
