package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;

/**
 * Cockpit, Admin and Swagger UI under their Content-Security-Policy in Debian's headless Chromium (Tasklist and the HR
 * pages are covered by their own browser tests): each page draws what it is for, and the policy refuses nothing.
 */
@FootholdSpringTest
class WebappsUnderCspBrowserTest {

  static final Path EVIDENCE = Paths.get("target", "screenshots");

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  HeadlessChromium.Session browser;
  WebDriver driver;
  WebDriverWait wait;
  final List<String> refused = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws Exception {
    browser = HeadlessChromium.start(1400, 1000);
    driver = browser.driver();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    driver.quit();
  }

  @Test
  void cockpitAndAdminWorkUnderTheirPolicy() throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(driver, EVIDENCE, "webapps-under-csp", () -> {
      signIn("/camunda/app/cockpit/default/", "admin");

      String process = repository.createProcessDefinitionQuery().processDefinitionKey("RecoveryArc").latestVersion().singleResult().getId();
      open("/camunda/app/cockpit/default/#/process-definition/" + process + "/runtime", By.cssSelector(".djs-container svg"));
      String decision = repository.createDecisionDefinitionQuery().latestVersion().list().get(0).getId();
      open("/camunda/app/cockpit/default/#/decision-definition/" + decision, By.cssSelector(".tjs-container, .dmn-decision-table-container"));

      open("/camunda/app/admin/default/#/users", By.xpath("//a[normalize-space()='maya']"));
      open("/camunda/app/admin/default/#/user-create", By.id("inputPassword"));
      // Admin asks the server for the password policy and shows what a password still lacks.
      driver.findElement(By.id("inputPassword")).sendKeys("weak");
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".popover"))).getText()).contains("12");
      refused.addAll(HeadlessChromium.cspViolations(driver));

      assertThat(refused).as("what the Content-Security-Policy refused").isEmpty();
    });
  }

  @Test
  void swaggerUiWorksUnderFootholdsPolicy() throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(driver, EVIDENCE, "swagger-under-csp", () -> {
      open("/swagger-ui/index.html", By.cssSelector(".swagger-ui .info .title"));

      assertThat(refused).as("what the Content-Security-Policy refused").isEmpty();
    });
  }

  private void signIn(String app, String user) {
    HeadlessChromium.signInToWebapps(driver, base() + app, user, "demo");
    refused.addAll(HeadlessChromium.cspViolations(driver));
  }

  private void open(String path, By shown) {
    driver.get(base() + path);
    waitForDocument();
    wait.until(ExpectedConditions.presenceOfElementLocated(shown));
    refused.addAll(HeadlessChromium.cspViolations(driver));
  }

  private void waitForDocument() {
    wait.until((ExpectedCondition<Boolean>) d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
