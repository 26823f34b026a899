package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher as each JDK's build writes it (the template with the pom's archive options filled in):
 * JDK 25 refuses to start when -Xshare is given beside -XX:AOTCache, so only JDK 17's option may name
 * -Xshare. JarIT runs the launcher the build at hand wrote; this covers the other JDK's too.
 */
class LauncherTemplateTest {
    private static final Pattern OPTION = Pattern.compile("<archive\\.option>([^<]*)</archive\\.option>");

    private static List<String> archiveOptions() throws IOException {
        var options = new ArrayList<String>();
        var m = OPTION.matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) options.add(m.group(1));
        return options;
    }

    private static List<String> execLines(String archiveOption) throws IOException {
        return Files.readString(Path.of("src", "launcher", "stepwise")).replace("@ARCHIVE_OPTION@", archiveOption)
                .lines().filter(l -> l.trim().startsWith("exec ")).toList();
    }

    @Test
    void eachJdksLauncherNamesOnlyOptionsThatJdkAccepts() throws IOException {
        var options = archiveOptions();
        assertEquals(2, options.size(), "JDK 17's archive option and the aot-cache profile's: " + options);
        for (String option : options) {
            for (String line : execLines(option)) {
                if (line.contains("-XX:AOTCache=")) assertFalse(line.contains("-Xshare"), "JDK 25 refuses -Xshare with AOTCache: " + line);
                if (line.contains("-XX:SharedArchiveFile=")) assertTrue(line.contains("-Xshare:auto"), "a JDK 17 archive that does not fit is skipped: " + line);
            }
        }
    }
}
