package io.foothold.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * This app's pages in a fresh headless Chromium of their own ({@link HeadlessChromium}): what a page object for
 * Tasklist or the HR pages stands on. Closing it quits the browser and removes its profile.
 */
public abstract class ChromiumPage implements AutoCloseable {

  // bounded, but with room for a busy 2-core CI machine (page loads slow down a lot under parallel builds)
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  protected final String baseUrl;
  protected final WebDriver driver;
  protected final WebDriverWait wait;
  private final HeadlessChromium.Session session;

  /** Starts the browser; fails (never skips) when it is missing. */
  protected ChromiumPage(String baseUrl, int width, int height) throws IOException {
    this.session = HeadlessChromium.start(width, height);
    this.baseUrl = baseUrl;
    this.driver = session.driver();
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  public WebDriver driver() {
    return driver;
  }

  /** What the Content-Security-Policy refused on the pages seen so far (see HeadlessChromium.cspViolations). */
  public List<String> cspViolations() {
    return HeadlessChromium.cspViolations(driver);
  }

  public void screenshot(Path path) throws IOException {
    HeadlessChromium.screenshot(driver, path);
  }

  public void dumpPage(Path path) throws IOException {
    HeadlessChromium.dumpPage(driver, path);
  }

  @Override
  public void close() throws IOException {
    session.close();
  }
}
