package io.foothold.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.foothold.support.CookieJar;

/**
 * A browser's view of the webapps, without the browser: the cookies it holds (session, CSRF) and the
 * requests Tasklist makes with them. The cookies are sent to whichever node the test names, as a load
 * balancer would route the same browser to different nodes.
 */
final class WebappSessionClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final CookieJar cookies = new CookieJar();

  /** Opens Tasklist on this node and signs in there, as the login page does. */
  HttpResponse<String> signIn(String baseUrl, String user, String password) throws IOException, InterruptedException {
    get(baseUrl, "/camunda/app/tasklist/default/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder login = request(baseUrl, "/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    return send(login);
  }

  HttpResponse<String> get(String baseUrl, String path) throws IOException, InterruptedException {
    return send(request(baseUrl, path).GET());
  }

  String sessionCookie() {
    return cookies.get("JSESSIONID");
  }

  private HttpRequest.Builder request(String baseUrl, String path) {
    return cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, text/html"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return cookies.send(http, request);
  }
}
