package stepwise.handcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;

/**
 * The README's check runs are tests: a console block that starts with
 * {@code $ java -jar target/stepwise.jar check ARGS} shows the end of what that run prints (after a
 * line "...", or all of it).
 */
class ReadmeCheckExamplesTest {
    private static final Pattern RUN = Pattern.compile("```console\\n\\$ java -jar target/stepwise\\.jar check ([^\\n]*)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCheckRunPrintsWhatTheReadmeShows() throws IOException {
        var m = RUN.matcher(Files.readString(Path.of("README.md")));
        int runs = 0;
        while (m.find()) {
            String[] args = ("check " + m.group(1).strip()).split(" +");
            String shown = m.group(2);
            var run = Fixtures.cli(args);
            if (shown.startsWith("...\n")) {
                String tail = shown.substring(4);
                assertTrue(run.out().endsWith(tail), "README shows\n" + tail + "\nbut the run printed\n" + run.out());
            } else {
                assertEquals(shown, run.out());
            }
            runs++;
        }
        assertTrue(runs >= 1, "the README lost its check runs");
    }
}
