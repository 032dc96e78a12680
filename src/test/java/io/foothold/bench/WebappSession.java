package io.foothold.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.foothold.support.CookieJar;

/**
 * A Tasklist sign-in, as the browser holds it: Tasklist's login page is loaded (which sets the CSRF cookie), the
 * login form is posted once, the signed-in user is read (which brings the new session's CSRF token), and from then on every request carries the session cookie and echoes the CSRF token
 * in X-XSRF-TOKEN, as Tasklist's AngularJS client does. No password is sent again.
 */
final class WebappSession {

  private final CookieJar cookies;

  private WebappSession(CookieJar cookies) {
    this.cookies = cookies;
  }

  static WebappSession signIn(String baseUrl, String user, String password) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CookieJar cookies = new CookieJar();
    cookies.send(http, cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/"))));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = cookies.send(http, cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200 || cookies.get("JSESSIONID") == null) {
      throw new IllegalStateException(user + " could not sign in to Tasklist: " + login.statusCode() + " " + login.body());
    }
    // Signing in starts a new session; its CSRF token comes with the next read, as it does for the browser.
    HttpResponse<String> who = cookies.send(http, cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(
        URI.create(baseUrl + "/camunda/api/admin/auth/user/default"))).header("Accept", "application/json"));
    if (who.statusCode() != 200 || !who.body().contains(user)) {
      throw new IllegalStateException(user + " is not signed in after the login: " + who.statusCode() + " " + who.body());
    }
    return new WebappSession(cookies);
  }

  /** A request to the webapps' engine API ({@code /camunda/api/engine/engine/default} + path) within this session. */
  HttpRequest.Builder request(String baseUrl, String path) {
    return requestTo(baseUrl, "/camunda/api/engine/engine/default" + path);
  }

  /** A request to any path of the server within this session (Foothold's /api accepts the Tasklist session). */
  HttpRequest.Builder requestTo(String baseUrl, String path) {
    return cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)));
  }
}
