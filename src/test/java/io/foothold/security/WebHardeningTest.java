package io.foothold.security;

import static io.foothold.support.HardenedResponses.CSRF_COOKIE;
import static io.foothold.support.HardenedResponses.SESSION_COOKIE;
import static io.foothold.support.HardenedResponses.assertHardened;
import static io.foothold.support.HardenedResponses.assertNotStored;
import static io.foothold.support.HardenedResponses.cookiePair;
import static io.foothold.support.HardenedResponses.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import io.foothold.support.FootholdSpringTest;

/**
 * The browser-side defences on the Camunda webapps, Foothold's own pages and both APIs, in the demo profile (plain
 * http, so cookies are not Secure); see {@link io.foothold.support.HardenedResponses} for what "hardened" means.
 */
@FootholdSpringTest
class WebHardeningTest {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
  static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'");

  @Autowired TestRestTemplate web;

  @Test
  void tasklistRunsUnderCamundasNoncePolicyTightened() {
    ResponseEntity<String> index = web.getForEntity(TASKLIST, String.class);

    assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHardened(index.getHeaders(), false);
    String policy = index.getHeaders().getFirst("Content-Security-Policy");
    assertThat(policy).contains("'strict-dynamic'").contains("connect-src 'self'").contains("form-action 'self'")
        .doesNotContain("'unsafe-eval'");
    Matcher nonce = NONCE.matcher(policy);
    assertThat(nonce.find()).as("a nonce in %s", policy).isTrue();
    assertThat(index.getBody()).as("the page's own scripts carry the nonce").contains("nonce=\"" + nonce.group(1) + "\"");
    assertThat(setCookie(index.getHeaders(), CSRF_COOKIE)).as("the CSRF cookie").isNotNull();
  }

  @Test
  void everyIndexPageCarriesItsOwnNonceUnderConcurrentRequests() throws Exception {
    // Camunda hands the nonce to the page through state all requests share (see WebappNonce); other requests under
    // /camunda run alongside, as another user's Tasklist would.
    var pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> pages = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        pages.add(pool.submit(() -> {
          ResponseEntity<String> index = web.getForEntity(TASKLIST, String.class);
          Matcher nonce = NONCE.matcher(index.getHeaders().getFirst("Content-Security-Policy"));
          return nonce.find() && index.getBody().contains("nonce=\"" + nonce.group(1) + "\"") ? "agrees" : index.getBody();
        }));
        pool.submit(() -> web.getForEntity("/camunda/app/tasklist/styles/user-styles.css", String.class));
      }
      for (var page : pages) {
        assertThat(page.get()).isEqualTo("agrees");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signingInToTasklistGivesANewStrictHttpOnlySession() {
    ResponseEntity<String> index = web.getForEntity(TASKLIST, String.class);
    String sessionBefore = cookiePair(index.getHeaders(), SESSION_COOKIE);
    HttpHeaders request = new HttpHeaders();
    request.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    request.add(HttpHeaders.COOKIE, sessionBefore + "; " + cookiePair(index.getHeaders(), CSRF_COOKIE));
    request.add("X-XSRF-TOKEN", index.getHeaders().getFirst("X-XSRF-TOKEN"));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", "maya");
    form.add("password", "demo");

    ResponseEntity<String> login = web.postForEntity(LOGIN, new HttpEntity<>(form, request), String.class);

    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody()).contains("\"userId\":\"maya\"");
    assertHardened(login.getHeaders(), false);
    assertNotStored(login.getHeaders());
    String session = setCookie(login.getHeaders(), SESSION_COOKIE);
    assertThat(session).as("a session cookie is set at sign-in").isNotNull();
    assertThat(cookiePair(login.getHeaders(), SESSION_COOKIE)).as("a new session id, never the one from before sign-in")
        .isNotEqualTo(sessionBefore);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hr/", "/hr/index.html", "/hr/case.html", "/hr/analytics.html", "/hr/hr.js", "/hr/cases.js"})
  void footholdPagesRunUnderAStrictPolicy(String path) {
    ResponseEntity<String> page = web.getForEntity(path, String.class);

    assertThat(page.getStatusCode().is2xxSuccessful() || page.getStatusCode().is3xxRedirection()).as("%s answers", path).isTrue();
    assertHardened(page.getHeaders(), false);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
        .doesNotContain("unsafe");
  }

  @Test
  void swaggerUiMayOnlyStyleInline() {
    ResponseEntity<String> page = web.getForEntity("/swagger-ui/index.html", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHardened(page.getHeaders(), false);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'").contains("script-src 'self';").contains("style-src 'self' 'unsafe-inline';");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hr/index.html", "/hr/case.html", "/hr/analytics.html"})
  void hrPagesHaveNoInlineScriptsOrStyles(String path) {
    String html = web.getForObject(path, String.class);

    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find()).as("an inline <script> in %s", path).isFalse();
    assertThat(html).as(path).doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=")
        .doesNotContain("javascript:");
  }

  @Test
  void footholdApiAnswersAreHardenedAndNeverStored() {
    ResponseEntity<String> playbooks = web.withBasicAuth("dana", "demo").getForEntity("/api/playbooks", String.class);

    assertThat(playbooks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHardened(playbooks.getHeaders(), false);
    assertNotStored(playbooks.getHeaders());
    assertThat(playbooks.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
  }

  @Test
  void engineRestAnswersAreHardenedAndNeverStored() {
    ResponseEntity<String> tasks = web.withBasicAuth("maya", "demo").getForEntity("/engine-rest/task?maxResults=10", String.class);

    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertHardened(tasks.getHeaders(), false);
    assertNotStored(tasks.getHeaders());
    assertThat(tasks.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/api/playbooks", "/api/audit/cases"})
  void refusalsAreHardenedToo(String path) {
    ResponseEntity<String> refused = web.getForEntity(path, String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertHardened(refused.getHeaders(), false);
    assertNotStored(refused.getHeaders());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hr/index.html", "/engine-rest/task?maxResults=10", "/api/playbooks", TASKLIST})
  void hstsOnlyForRequestsThatCameOverTls(String path) {
    HttpHeaders plain = exchange(path, null).getHeaders();
    HttpHeaders throughTheBalancer = exchange(path, "https").getHeaders();

    assertThat(plain.getFirst("Strict-Transport-Security")).as("plain http").isNull();
    // The test client is on loopback, one of the proxies Tomcat's RemoteIpValve trusts by default.
    assertThat(throughTheBalancer.getFirst("Strict-Transport-Security")).as("X-Forwarded-Proto: https")
        .isEqualTo("max-age=31536000; includeSubDomains");
    assertThat(exchange(path, "http").getHeaders().getFirst("Strict-Transport-Security")).as("X-Forwarded-Proto: http").isNull();
  }

  @Test
  void overTlsTheSessionCookieIsSecureEvenInTheDemo() {
    HttpHeaders throughTheBalancer = exchange(TASKLIST, "https").getHeaders();

    assertThat(setCookie(throughTheBalancer, SESSION_COOKIE)).as("Tomcat marks the session cookie of a secure request").contains("Secure");
  }

  private ResponseEntity<String> exchange(String path, String forwardedProto) {
    HttpHeaders headers = new HttpHeaders();
    if (path.startsWith("/engine-rest") || path.startsWith("/api")) {
      headers.setBasicAuth("dana", "demo");
    }
    if (forwardedProto != null) {
      headers.set("X-Forwarded-Proto", forwardedProto);
    }
    headers.setAccept(List.of(MediaType.ALL));
    return web.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
