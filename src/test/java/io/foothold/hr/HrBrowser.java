package io.foothold.hr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.foothold.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the HR pages, started the way the Tasklist browser test starts it (no Selenium
 * Manager, nothing downloaded), with the Tasklist sign-in. Fails, never skips, when the browser is missing.
 */
final class HrBrowser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profileDir;

  private HrBrowser(String baseUrl, WebDriver driver, Path profileDir) {
    this.baseUrl = baseUrl;
    this.driver = driver;
    this.profileDir = profileDir;
    this.wait = new WebDriverWait(driver, WAIT);
  }

  static HrBrowser open(String baseUrl) throws IOException {
    HeadlessChromium.Session browser = HeadlessChromium.start(1280, 1000);
    return new HrBrowser(baseUrl, browser.driver(), browser.profile());
  }

  /** Signs in on the Tasklist login page (the same selectors as the Tasklist browser test): the session is what /api reads. */
  void loginToTasklist(String user, String password) {
    HeadlessChromium.signInToWebapps(driver, baseUrl + "/camunda/app/tasklist/default/", user, password);
  }

  void get(String path) {
    driver.get(baseUrl + path);
    waitForDocument();
  }

  WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void waitUntil(ExpectedCondition<?> condition) {
    wait.until(condition);
  }

  List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** What the Content-Security-Policy refused on the pages seen so far (see HeadlessChromium.cspViolations). */
  List<String> cspViolations() {
    return HeadlessChromium.cspViolations(driver);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  WebDriver driver() {
    return driver;
  }

  void screenshot(Path path) throws IOException {
    HeadlessChromium.screenshot(driver, path);
  }

  void dumpPage(Path path) throws IOException {
    HeadlessChromium.dumpPage(driver, path);
  }

  private void waitForDocument() {
    wait.until((ExpectedCondition<Boolean>) d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profileDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
