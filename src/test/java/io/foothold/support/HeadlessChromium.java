package io.foothold.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its own chromedriver: Selenium Manager never runs, so nothing is
 * downloaded. A browser test fails, never skips, when they are missing. Another machine can point elsewhere
 * with -Dfoothold.chromium / -Dfoothold.chromedriver.
 */
public final class HeadlessChromium {

  public static final String CHROMIUM = System.getProperty("foothold.chromium", "/usr/bin/chromium");
  public static final String CHROMEDRIVER = System.getProperty("foothold.chromedriver", "/usr/bin/chromedriver");

  /** A started browser and the fresh profile folder it uses; closing quits the browser and removes the folder. */
  public record Session(WebDriver driver, Path profile) implements AutoCloseable {

    @Override
    public void close() throws IOException {
      try {
        driver.quit();
      } finally {
        FileSystemUtils.deleteRecursively(profile);
      }
    }
  }

  private HeadlessChromium() {
  }

  public static Session start(int width, int height) throws IOException {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(binary).canExecute()) {
        throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
            + "(apt-get install -y chromium chromium-driver); the browser tests need them");
      }
    }
    Path profile = Files.createTempDirectory("foothold-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // The background-networking flags keep Chromium from calling out of this closed network at start-up.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    // The console is kept so a test can see what the Content-Security-Policy refused (see cspViolations).
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    return new Session(new ChromeDriver(service, options), profile);
  }

  public static void screenshot(WebDriver driver, Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), path, StandardCopyOption.REPLACE_EXISTING);
  }

  public static void dumpPage(WebDriver driver, Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.writeString(path, driver.getPageSource());
  }

  /**
   * What the pages' Content-Security-Policy refused since the last call (Chromium reports each refusal on the
   * console): a page that works under the policy leaves this empty.
   */
  /**
   * Signs in on the Camunda webapps' login page at {@code url} (Tasklist, Cockpit, Admin) as a person would, and waits
   * until the page has let them in. The page focuses the user field once it has rendered, which on a loaded machine
   * can come while the password is typed and send it into the user field: each field is typed again until it holds
   * its text.
   */
  public static void signInToWebapps(WebDriver driver, String url, String user, String password) {
    By username = By.cssSelector("input[ng-model='username']");
    By passwordField = By.cssSelector("input[ng-model='password']");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(url);
    wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    Map<By, String> values = new LinkedHashMap<>();
    values.put(username, user);
    values.put(passwordField, password);
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      boolean allHeld = true;
      for (Map.Entry<By, String> entry : values.entrySet()) {
        WebElement input = d.findElement(entry.getKey());
        if (!entry.getValue().equals(input.getAttribute("value"))) {
          allHeld = false;
          input.clear();
          input.sendKeys(entry.getValue());
        }
      }
      return allHeld;
    });
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(username));
  }

  /**
   * axe-core (the script in Deque's axe-core jar) on the current page: violations of the WCAG 2.0–2.2 A and AA rules,
   * as "rule: help at targets".
   */
  @SuppressWarnings("unchecked")
  public static List<String> axeViolations(WebDriver driver) throws IOException {
    String axe;
    try (InputStream script = HeadlessChromium.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (script == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axe);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })"
            + ".then(function (r) { done(r.violations.map(function (v) {"
            + "  return { id: v.id, help: v.help, targets: v.nodes.map(function (n) { return String(n.target); }).join(' | ') }; })); })"
            + ".catch(function (e) { done([{ id: 'axe-error', help: String(e), targets: '' }]); });");
    return violations.stream().map(v -> v.get("id") + ": " + v.get("help") + " at " + v.get("targets")).toList();
  }

  public static List<String> cspViolations(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
        .toList();
  }

  /** The steps of a browser test. */
  public interface Steps {
    void run() throws Throwable;
  }

  /** Runs the steps; on a failure keeps a screenshot and the page source as failure-&lt;name&gt;.png/.html in the folder. */
  public static void onFailureKeepEvidence(WebDriver driver, Path folder, String name, Steps steps) throws Throwable {
    try {
      steps.run();
    } catch (Throwable failure) {
      try {
        screenshot(driver, folder.resolve("failure-" + name + ".png"));
        dumpPage(driver, folder.resolve("failure-" + name + ".html"));
      } catch (Exception evidence) {
        failure.addSuppressed(evidence);
      }
      throw failure;
    }
  }
}
