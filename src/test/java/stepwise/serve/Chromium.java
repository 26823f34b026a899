package stepwise.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Debian's chromedriver, both by explicit path, so that
 * Selenium never looks for (or downloads) a browser or a driver of its own. Each browser gets a
 * fresh profile. Missing Chromium fails the tests in CI (CI=true) and skips them elsewhere.
 */
final class Chromium {
    private Chromium() {}

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("STEPWISE_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("STEPWISE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    static void requireInstalled() {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (present) return;
        String missing = "Chromium or chromedriver is missing (" + BROWSER + ", " + DRIVER + "); apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) fail(missing);
        Assumptions.abort(missing);
    }

    static ChromeDriver start(List<String> extraArgs) throws java.io.IOException {
        Path profile = Files.createTempDirectory("stepwise-chromium");
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        var args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--disable-dev-shm-usage"));
        args.addAll(extraArgs);
        options.addArguments(args);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
