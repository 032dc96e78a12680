package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.foothold.support.CookieJar;
import io.foothold.support.FootholdSpringTest;

/**
 * A change to Foothold's API that rides on HR's browser session needs the webapps' CSRF token, and no change is
 * taken from another site's page, so a page elsewhere cannot erase a case while HR is signed in. API clients with
 * HTTP Basic are unaffected. Erasing an unknown case (404) stands for any change: reaching the controller at all
 * is what the token decides.
 */
@FootholdSpringTest
class ApiCsrfTest {

  private static final String ERASE = "/api/audit/cases/4711-no-such-case";
  private static final String REASON = "{\"reason\": \"Retention period of the case has ended.\"}";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final CookieJar cookies = new CookieJar();

  @BeforeEach
  void hanaSignsInToTasklist() throws Exception {
    send(request("/camunda/app/tasklist/default/").GET());
    String form = "username=hana&password=demo";
    HttpResponse<String> login = send(withSession(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString(form))));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // Sign-in starts a new session; its token comes with the next webapp request, as Tasklist makes right after.
    send(withSession(request("/camunda/api/admin/auth/user/default").GET()));
    assertThat(cookies.names()).contains("JSESSIONID", "XSRF-TOKEN");
  }

  @Test
  void aSessionChangeWithoutTheTokenIsRefused() throws Exception {
    HttpResponse<String> answer = send(withSession(erase()));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("X-XSRF-TOKEN");
  }

  @Test
  void aSessionChangeFromAnotherSiteIsRefusedEvenWithTheToken() throws Exception {
    HttpResponse<String> answer = send(withSession(erase()).header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
        .header("Origin", "https://attacker.invalid"));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("another site");
  }

  @Test
  void aSessionChangeWithTheWrongTokenIsRefused() throws Exception {
    assertThat(send(withSession(erase()).header("X-XSRF-TOKEN", "guessed")).statusCode()).isEqualTo(403);
  }

  @Test
  void aSessionChangeWithTheTokenFromFootholdsOwnPageGoesThrough() throws Exception {
    HttpResponse<String> answer = send(withSession(erase()).header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
        .header("Origin", "http://localhost:" + port));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
  }

  @Test
  void readingWithTheSessionNeedsNoToken() throws Exception {
    assertThat(send(withSession(request("/api/audit/cases?size=1").GET())).statusCode()).isEqualTo(200);
  }

  @Test
  void basicApiClientsNeedNoTokenButStillNoForeignOrigin() throws Exception {
    assertThat(send(erase().header("Authorization", basic("hana"))).statusCode()).isEqualTo(404);
    assertThat(send(erase().header("Authorization", basic("hana")).header("Origin", "https://attacker.invalid")).statusCode())
        .isEqualTo(403);
  }

  private HttpRequest.Builder erase() {
    return request(ERASE).header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(REASON));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json, text/html");
  }

  private HttpRequest.Builder withSession(HttpRequest.Builder request) {
    return cookies.withCookies(request);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return cookies.send(http, request);
  }
}
