package dev.byline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium through the system chromedriver, never a downloaded browser. Under
 * CI=true a missing browser fails the test; elsewhere it is skipped.
 */
public final class Browser {
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private Browser() {}

  public static ChromeDriver open(Path profileDir) {
    return open(profileDir, false);
  }

  /**
   * @param recordNetwork also keep Chrome's performance log (DevTools network events), read with
   *     {@link NetworkLog}; works with any Chromium version, unlike version-bound CDP bindings
   */
  public static ChromeDriver open(Path profileDir, boolean recordNetwork) {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      if ("true".equals(System.getenv("CI")))
        throw new AssertionError("chromium and chromedriver are required under CI=true");
      Assumptions.abort("chromium or chromedriver not installed");
    }
    var service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1280,1800",
        "--user-data-dir=" + profileDir.toAbsolutePath()));
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    if (recordNetwork) logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }

  /** Saves a screenshot under target/screenshots/NAME.png and returns its path. */
  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      var dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      var file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Console messages at SEVERE level (errors), as text. */
  public static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(e -> e.getMessage())
        .toList();
  }
}
