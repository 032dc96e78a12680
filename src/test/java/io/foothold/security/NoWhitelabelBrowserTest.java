package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;

/**
 * Every link of the webapps, opened by every demo role in Debian's headless Chromium: no page is Spring's Whitelabel
 * page, and a page that is not this role's work says so in Foothold's words ("This page is not part of your work")
 * with where to go instead. One browser session per role, so the sign-in happens once.
 */
@FootholdSpringTest
class NoWhitelabelBrowserTest {

  private static final Path EVIDENCE = Paths.get("target", "screenshots");
  private static final String NOT_YOUR_WORK = "This page is not part of your work";
  private static final List<String> PAGES = List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
      "/camunda/app/admin/default/", "/hr/", "/designers/", "/overview/", "/demo-mail/");
  /** The pages each role has no business on (everything else is its own work). */
  private static final Map<String, Set<String>> WRONG_FOR = Map.of(
      "maya", Set.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/", "/hr/", "/designers/"),
      "sam", Set.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/", "/hr/", "/designers/", "/overview/"),
      "hana", Set.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/", "/designers/", "/overview/"),
      "dana", Set.of("/camunda/app/admin/default/", "/hr/", "/overview/"),
      "admin", Set.of("/hr/", "/overview/"));

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"maya", "sam", "hana", "dana", "admin"})
  void noLinkEndsOnAWhitelabelPageAndAWrongRolePageSaysWhereToGo(String user) throws Throwable {
    String base = "http://127.0.0.1:" + port;
    HeadlessChromium.Session session = HeadlessChromium.start(1280, 900);
    WebDriver driver = session.driver();
    try {
      HeadlessChromium.signInToWebapps(driver, base + "/camunda/app/tasklist/default/", user, "demo");
      for (String page : PAGES) {
        HeadlessChromium.onFailureKeepEvidence(driver, EVIDENCE, "no-whitelabel-" + user + page.replaceAll("[^a-z]+", "-"), () -> {
          // when the person opens the link
          driver.get(base + page);
          WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
          wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));

          // then it is never Whitelabel, and a page outside their work says so and where to go
          if (WRONG_FOR.get(user).contains(page)) {
            wait.withMessage(user + " on " + page + " should read \"" + NOT_YOUR_WORK + "\"")
                .until(d -> text(d).contains(NOT_YOUR_WORK));
          } else {
            assertThat(text(driver)).as(user + " on " + page + " is their work").doesNotContain(NOT_YOUR_WORK);
          }
          assertThat(driver.getPageSource()).as(user + " on " + page).doesNotContain("Whitelabel");
        });
      }
      if ("dana".equals(user)) {
        // and the playbook console passes axe-core's WCAG 2.2 A/AA rules for its designer
        driver.get(base + "/designers/");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
            .executeScript("return document.body.getAttribute('data-rendered')") != null);
        assertThat(HeadlessChromium.axeViolations(driver)).isEmpty();
      }
    } finally {
      driver.quit();
      FileSystemUtils.deleteRecursively(session.profile());
    }
  }

  private static String text(WebDriver driver) {
    Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.innerText : ''");
    return text == null ? "" : text.toString();
  }
}
