package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real browser: {@code stepwise.jar serve} on a copy of the seed assignment,
 * driven in headless Chromium through chromedriver, as a lecturer would use it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePageIT {
    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
    private static final String FOREIGN = "stepwise-foreign.test";
    private static Path dir;
    private static Path file;
    private static Process server;
    private static String url;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        dir = Files.createTempDirectory("stepwise-live");
        file = dir.resolve("assignment2.deriv");
        Files.copy(Path.of("derivations", "assignment2.deriv"), file, StandardCopyOption.REPLACE_EXISTING);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-jar", Path.of("target", "stepwise.jar").toAbsolutePath().toString(), "serve", file.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        var firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                return "unreadable: " + e;
            }
        });
        // A guard against a hang, not a timing: the engine warms up on the file before the URL is printed.
        String line = firstLine.get(90, TimeUnit.SECONDS);
        var m = URL.matcher(String.valueOf(line));
        assertTrue(m.find(), "serve printed no URL: " + line);
        url = m.group(1);
        browser = Chromium.start(List.of("--host-resolver-rules=MAP " + FOREIGN + " 127.0.0.1"));
        // The page replaces its sections when a derivation arrives: an element read a moment earlier may be
        // gone, so a wait looks again rather than failing on a stale one.
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(url);
        wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    @Test @Order(1)
    void everySeedAnswerIsTypesetAndVerified() throws Exception {
        var notes = browser.findElement(By.id("notes"));
        // Every piece of math the server sent has been through KaTeX.
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "const all = document.querySelectorAll('#notes .tex'); return all.length > 50 && [...all].every(e => e.dataset.typeset);")));
        assertTrue(notes.findElements(By.cssSelector(".katex")).size() > 50);
        assertTrue(notes.findElements(By.cssSelector(".tex-error")).isEmpty(), "KaTeX could not typeset some math");
        assertTrue(notes.findElements(By.cssSelector(".katex-error")).isEmpty(), "KaTeX could not typeset some math");
        String visible = notes.getText();
        for (String raw : List.of("\\begin", "\\frac", "\\mathrm", "\\tag", "\\text", "\\paragraph", "\\hline", "$")) {
            assertFalse(visible.contains(raw), "raw TeX on the page: " + raw);
        }
        List<String> values = notes.findElements(By.cssSelector("article > p.verification .value")).stream().map(WebElement::getText).toList();
        for (String answer : List.of("25", "15", "1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)", "5 + 10*s", "12", "20")) {
            assertTrue(values.contains(answer), "the answer " + answer + " is not on the page: " + values);
        }
        var verdicts = notes.findElements(By.cssSelector("article > p.verification")).stream().map(WebElement::getText).toList();
        assertEquals(9, verdicts.size(), "nine derived results: " + verdicts);
        for (String v : verdicts) assertTrue(v.startsWith("✓"), "not verified: " + v);
        assertTrue(browser.findElement(By.id("status")).getText().contains("all verified"), browser.findElement(By.id("status")).getText());
        shot("live-page-seed.png");
    }

    @Test @Order(2)
    void theDilationSliderOfH3DerivesTheReceptiveFieldAtThree() throws Exception {
        var sweep = article("sweep receptive_field(Q1) over H3.d");
        var slider = sweep.findElement(By.cssSelector("input[data-knob='H3.d']"));
        slider.click();
        slider.sendKeys(Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("3", slider.getDomProperty("value"));
        waitForVariantValue("sweep receptive_field(Q1) over H3.d", "33");
        var variant = sweep.findElement(By.cssSelector(".variant"));
        assertTrue(variant.getText().contains("where H3.d = 3"), variant.getText());
        assertTrue(variant.findElement(By.cssSelector("p.verification")).getText().startsWith("✓ 9 of 9 steps verified"));
        assertFalse(variant.findElements(By.cssSelector(".katex")).isEmpty(), "the derivation at H3.d = 3 is typeset");
        assertEquals("receptive field against H3.d", plotTitle("sweep receptive_field(Q1) over H3.d"));
        sweep.findElement(By.cssSelector("button[data-mode='symbolic']")).click();
        waitForVariantValue("sweep receptive_field(Q1) over H3.d", "9 + 8*d");
        sweep.findElement(By.cssSelector("button[data-mode='values']")).click();
        waitForVariantValue("sweep receptive_field(Q1) over H3.d", "33");
        browser.executeScript("arguments[0].scrollIntoView()", sweep);
        shot("live-page-slider.png");
    }

    @Test @Order(3)
    void theKlSlidersDeriveAtTheirValuesAndTheSymbolicFormIsOneClickAway() {
        var kl = article("derive KL(q || p)");
        var sigma = kl.findElement(By.cssSelector("input[data-knob='sigma']"));
        sigma.click();
        sigma.sendKeys(Keys.END);
        assertEquals("3", sigma.getDomProperty("value"));
        waitForVariantValue("derive KL(q || p)", "4 - log(3)");
        assertTrue(kl.findElement(By.cssSelector(".variant p.verification")).getText().startsWith("✓"));
        assertEquals("KL(q || p) against sigma at mu = 0", plotTitle("derive KL(q || p)"));
        kl.findElement(By.cssSelector("button[data-mode='symbolic']")).click();
        wait.until(d -> kl.findElement(By.cssSelector(":scope > p.verification")).isDisplayed());
        assertEquals("1/2*(-log(sigma^2) - 1 + sigma^2 + mu^2)", kl.findElement(By.cssSelector(":scope > p.verification .value")).getText());
    }

    @Test @Order(4)
    void thePageFollowsAnEditOnDisk() throws Exception {
        String text = Files.readString(file).replace("H1 = conv(k=5, s=2, d=1)", "H1 = conv(k=7, s=2, d=1)");
        Path tmp = dir.resolve(".edit.tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        wait.until(d -> browser.findElement(By.id("editor")).getDomProperty("value").contains("H1 = conv(k=7"));
        wait.until(d -> article("derive receptive_field(Q1)").findElement(By.cssSelector(":scope > p.verification .value")).getText().equals("27"));
    }

    @Test @Order(5)
    void aSyntaxErrorIsShownAtItsLineAndColumn() throws Exception {
        var editor = browser.findElement(By.id("editor"));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        int lines = editor.getDomProperty("value").split("\n", -1).length;
        editor.sendKeys("derive receptive_field(Q1");
        var problem = wait.until(d -> d.findElements(By.cssSelector("#problems .problem")).stream().findFirst().orElse(null));
        String shown = problem.getText();
        assertTrue(shown.contains("line " + lines + ", column 26"), shown);
        assertTrue(shown.contains("assignment2.deriv:" + lines + ":26: error: "), shown);
        assertTrue(browser.findElement(By.id("status")).getText().startsWith("syntax error"));
        problem.findElement(By.tagName("a")).click();
        assertEquals(editor.getDomProperty("value").length(), ((Number) browser.executeScript("return arguments[0].selectionStart", editor)).intValue());
        shot("live-page-error.png");
    }

    @Test @Order(6)
    void aTwoParameterSweepHasASliderForEachParameter() throws Exception {
        var editor = browser.findElement(By.id("editor"));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        // Closes the call left open above, then sweeps the dilation of H3 for two strides of H1 (H1 has k=7 since the edit on disk).
        editor.sendKeys(")\nsweep receptive_field(Q1) over H3.d = 1..4, H1.s = [1, 2]\n");
        String heading = "sweep receptive_field(Q1) over H3.d, H1.s";
        var sweep = wait.until(d -> browser.findElements(By.cssSelector("#notes > article")).stream()
                .filter(a -> heading.equals(a.getDomAttribute("data-heading"))).findFirst().orElse(null));
        wait.until(d -> sweep.findElement(By.cssSelector(":scope > p.verification")).getText().startsWith("✓ 8 of 8 rows verified"));
        assertFalse(sweep.findElements(By.cssSelector(".katex")).isEmpty(), "the grid is typeset");
        var stride = sweep.findElement(By.cssSelector("input[data-knob='H1.s']"));
        stride.click();
        stride.sendKeys(Keys.HOME, Keys.ARROW_RIGHT);
        assertEquals("2", stride.getDomProperty("value"));
        // RF = 7 + 2 s + 4 d s: 19 at d = 1, s = 2.
        waitForVariantValue(heading, "19");
        assertEquals("receptive field against H1.s at H3.d = 1", plotTitle(heading));
        var dilation = sweep.findElement(By.cssSelector("input[data-knob='H3.d']"));
        dilation.click();
        dilation.sendKeys(Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        waitForVariantValue(heading, "35");
        assertTrue(sweep.findElement(By.cssSelector(".variant:not([hidden])")).getText().contains("where H3.d = 3, H1.s = 2"));
        assertEquals("receptive field against H3.d at H1.s = 2", plotTitle(heading));
        sweep.findElement(By.cssSelector("button[data-mode='symbolic']")).click();
        waitForVariantValue(heading, "7 + 2*s + 4*s*d");
        sweep.findElement(By.cssSelector("button[data-mode='values']")).click();
        waitForVariantValue(heading, "35");
        browser.executeScript("arguments[0].scrollIntoView()", sweep);
        shot("live-page-two-parameters.png");
    }

    @Test @Order(7)
    void aPageServedUnderAForeignNameIsRefused() throws Exception {
        int port = URI.create(url).getPort();
        browser.get("http://" + FOREIGN + ":" + port + "/");
        String body = browser.findElement(By.tagName("body")).getText();
        assertTrue(body.startsWith("refused: this server answers only to"), body);
        assertTrue(Http.raw(port, "GET /api/file HTTP/1.1\r\nHost: " + FOREIGN + ":" + port + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 403"));
    }

    /** Waits until the first section with this heading shows a derivation at its sliders' values with this result. */
    private static void waitForVariantValue(String heading, String value) {
        wait.until(d -> value.equals(browser.executeScript(
                "const a = [...document.querySelectorAll('#notes > article')].find(a => a.dataset.heading === arguments[0]);"
                + "const v = a && a.querySelector('.variant:not([hidden]) .value'); return v ? v.textContent : null;", heading)));
    }

    /** The title of the SVG plot under the first section with this heading. */
    private static String plotTitle(String heading) {
        return (String) browser.executeScript(
                "const a = [...document.querySelectorAll('#notes > article')].find(a => a.dataset.heading === arguments[0]);"
                + "const t = a && a.querySelector('.plot svg title'); return t ? t.textContent : null;", heading);
    }

    /** The first section with this heading. */
    private static WebElement article(String heading) {
        return browser.findElements(By.cssSelector("#notes > article")).stream()
                .filter(a -> heading.equals(a.getDomAttribute("data-heading")))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + heading));
    }

    private static void shot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
