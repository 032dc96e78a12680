package io.foothold.hr;

import java.io.IOException;
import java.util.List;

import io.foothold.support.ChromiumPage;
import io.foothold.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Debian's headless Chromium for the HR pages, started the way the Tasklist browser test starts it (no Selenium
 * Manager, nothing downloaded), with the Tasklist sign-in. Fails, never skips, when the browser is missing.
 */
final class HrBrowser extends ChromiumPage {

  private HrBrowser(String baseUrl) throws IOException {
    super(baseUrl, 1280, 1000);
  }

  static HrBrowser open(String baseUrl) throws IOException {
    return new HrBrowser(baseUrl);
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

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  private void waitForDocument() {
    wait.until((ExpectedCondition<Boolean>) d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
