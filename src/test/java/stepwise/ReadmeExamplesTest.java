package stepwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import stepwise.print.TextPrinter;

/** The README's examples are tests: every deriv block derives, and a text block after it is its exact output. */
class ReadmeExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```(deriv|text)\\n(.*?)```", Pattern.DOTALL);

    record Block(String kind, String body) {}

    static List<Block> blocks() throws IOException {
        var out = new ArrayList<Block>();
        var m = BLOCK.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) out.add(new Block(m.group(1), m.group(2)));
        return out;
    }

    @Test
    void everyExampleDerivesAndPrintsWhatTheReadmeShows() throws IOException {
        var blocks = blocks();
        int derived = 0, compared = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).kind().equals("deriv")) continue;
            Report report = Stepwise.derive("README.md", blocks.get(i).body());
            assertTrue(report.ok(), blocks.get(i).body());
            derived++;
            if (i + 1 < blocks.size() && blocks.get(i + 1).kind().equals("text")) {
                assertEquals(blocks.get(i + 1).body(), new TextPrinter().print(report), blocks.get(i).body());
                compared++;
            }
        }
        assertTrue(derived >= 3 && compared >= 2, "the README lost its examples: " + derived + " derived, " + compared + " compared");
    }

    @Test
    void theReadmeShowsTheTwoCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("mvn -q -B -DskipTests package && target/stepwise derive derivations/assignment2.deriv"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(Files.readString(Path.of(".ci/run")).contains("mvn -B verify"));
    }
}
