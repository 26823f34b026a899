package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: no extra flags, no log noise, no lingering JVM. */
class JarIT {
    @TempDir Path dir;

    record Run(int status, String out, String err) {}

    private static Run java(Path workDir, String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        return run(workDir, cmd);
    }

    private static Run run(Path workDir, List<String> cmd) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Path out = Files.createTempFile("out", ".txt"), err = Files.createTempFile("err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        // A guard against a hang, not a timing: Symja's thread pool would keep the JVM alive for a minute.
        boolean exited = p.waitFor(45, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly();
        assertTrue(exited, "the JVM did not exit after its work was done");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String jar() { return Path.of("target", "stepwise.jar").toAbsolutePath().toString(); }

    @Test
    void theSeedAssignmentDerivesWithEveryStepVerified() throws Exception {
        var run = java(Path.of("."), "-jar", jar(), "derive", "derivations/assignment2.deriv");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err(), "nothing on stderr: Symja's logging is silenced");
        for (String rf : new String[] {"result: 25", "result: 15", "result: 5 + 10 s", "result: H3.d = 12"}) {
            assertTrue(run.out().contains(rf), rf);
        }
        assertFalse(run.out().contains("✗"));
    }

    @Test
    void aNumericDerivationNeverLoadsSymja() throws Exception {
        Path file = dir.resolve("numeric.deriv");
        Files.writeString(file, "stack S { repeat l = 1..12 { conv(k=3, s=2) } }\nderive receptive_field(S)\nderive output_size(S, n=100000)\n");
        var run = java(dir, "-Xlog:class+load=info", "-jar", jar(), "derive", file.toString());
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("org.matheclipse"), "Symja was loaded for a numeric derivation");
        assertTrue(run.out().contains("stepwise.check.Windows"), "class loading was logged");
    }

    @Test
    void aSymbolicDerivationLoadsSymjaAndStillExitsAtOnce() throws Exception {
        Path file = dir.resolve("symbolic.deriv");
        Files.writeString(file, "stack S { conv(k=k1, s=2)  conv(k=3) }\nderive receptive_field(S)\n");
        var run = java(dir, "-jar", jar(), "derive", file.toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"result\" : \"4 + k1\""), run.out());
        assertEquals("", run.err());
    }

    @Test
    void badInputExitsTwoWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, "stack S { conv(k=0) }\n");
        var run = java(dir, "-jar", jar(), "derive", file.toString());
        assertEquals(2, run.status());
        assertEquals(file + ":1:18: error: kernel size must be positive, got 0", run.err().lines().findFirst().orElseThrow());
        assertFalse(run.err().contains("\tat "));
    }

    // ---- the launcher the build writes beside the jar ------------------------------------------

    private static Path launcher() { return Path.of("target", "stepwise").toAbsolutePath(); }

    private static Run launch(Path launcher, Path workDir, String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return run(workDir, cmd);
    }

    @Test
    void theLauncherPrintsWhatTheJarPrints() throws Exception {
        Path file = dir.resolve("kl file.deriv"); // a space in the name: arguments pass through whole
        Files.writeString(file, "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)\nderive KL(q || p)\n");
        var viaJar = java(dir, "-jar", jar(), "derive", file.toString(), "--format", "json");
        var viaLauncher = launch(launcher(), dir, "derive", file.toString(), "--format", "json");
        assertEquals(0, viaLauncher.status(), viaLauncher.err());
        assertEquals(viaJar.out(), viaLauncher.out());
        assertEquals("", viaLauncher.err());
        assertTrue(viaLauncher.out().contains("\"result\" : \"1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)\""), viaLauncher.out());
    }

    @Test
    void theLauncherPassesTheExitStatusAndDiagnosticsThrough() throws Exception {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, "stack S { conv(k=0) }\n");
        var run = launch(launcher(), dir, "derive", file.toString());
        assertEquals(2, run.status());
        assertEquals(file + ":1:18: error: kernel size must be positive, got 0", run.err().lines().findFirst().orElseThrow());
        assertEquals(2, launch(launcher(), dir, "derive").status(), "a usage error");
        assertEquals(0, launch(launcher(), dir, "rules").status());
    }

    @Test
    void theLauncherRunsABatchCheckAsTheJarDoes() throws Exception {
        // Several files: the launcher's settings for long runs (both compilers, the JVM's own collector).
        Path homework = Path.of("derivations", "homework").toAbsolutePath();
        Path tex = Path.of("derivations", "assignment2-q3.tex").toAbsolutePath();
        var viaJar = java(dir, "-jar", jar(), "check", homework.toString(), tex.toString(), "--format", "json");
        var viaLauncher = launch(launcher(), dir, "check", homework.toString(), tex.toString(), "--format", "json");
        assertEquals(viaJar.status(), viaLauncher.status(), viaLauncher.err());
        assertEquals(viaJar.out(), viaLauncher.out());
        assertEquals(viaJar.err(), viaLauncher.err());
        assertTrue(viaLauncher.out().contains("assignment2-q3.tex"), viaLauncher.out());
    }

    @Test
    void aStaleMismatchedOrMissingArchiveIsSkippedInSilence() throws Exception {
        // A copy of the launcher and jar in another folder: the archive names the original jar's path.
        Path copy = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(launcher(), copy.resolve("stepwise"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of(jar()), copy.resolve("stepwise.jar"));
        String archiveName = Files.readString(launcher()).contains("stepwise.aot") ? "stepwise.aot" : "stepwise.jsa";
        Path archive = copy.resolve(archiveName);
        Path file = dir.resolve("kl.deriv");
        Files.writeString(file, "dist q = Normal(mu, sigma^2)\ndist p = Normal(0, 1)\nderive KL(q || p)\n");
        String expected = java(dir, "-jar", jar(), "derive", file.toString(), "--format", "json").out();

        Files.copy(Path.of("target", archiveName), archive); // made for another path: mismatched
        assertSilentAndEqual(expected, launch(copy.resolve("stepwise"), dir, "derive", file.toString(), "--format", "json"));
        Files.write(archive, new byte[] {1, 2, 3, 4}, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING); // corrupt
        assertSilentAndEqual(expected, launch(copy.resolve("stepwise"), dir, "derive", file.toString(), "--format", "json"));
        Files.delete(archive); // missing
        assertSilentAndEqual(expected, launch(copy.resolve("stepwise"), dir, "derive", file.toString(), "--format", "json"));
    }

    private static void assertSilentAndEqual(String expected, Run run) {
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals(expected, run.out());
    }
}
