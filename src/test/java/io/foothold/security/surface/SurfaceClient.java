package io.foothold.security.surface;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sends probes as one person the way their client would: HTTP Basic for /engine-rest and /api, or a signed-in
 * webapp session (session cookie and the CSRF header Tasklist and Cockpit send) for the webapps' engine API; or no
 * credentials at all.
 */
final class SurfaceClient {

  enum Mode { BASIC, SESSION, ANONYMOUS }

  record Answer(int status, String body) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  final String user;
  final Mode mode;
  private final String baseUrl;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  /** Once signed in, the cookies stay as they are: no probe's answer may sign this person out or in as someone else. */
  private volatile boolean frozen;

  private SurfaceClient(String baseUrl, String user, Mode mode) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.mode = mode;
  }

  static SurfaceClient basic(String baseUrl, String user) {
    return new SurfaceClient(baseUrl, user, Mode.BASIC);
  }

  static SurfaceClient anonymous(String baseUrl) {
    return new SurfaceClient(baseUrl, "anonymous", Mode.ANONYMOUS);
  }

  /** Opens the webapp and signs in there, as its login page does; answers the login's status. */
  static SurfaceClient session(String baseUrl, String user, String app) throws IOException, InterruptedException {
    SurfaceClient client = new SurfaceClient(baseUrl, user, Mode.SESSION);
    client.send("GET", "/camunda/app/" + app + "/default/", null, null);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    Answer login = client.send("POST", "/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
        form.getBytes(StandardCharsets.UTF_8));
    if (login.status() != 200) {
      throw new IllegalStateException(user + " could not sign in to " + app + ": " + login.status() + " " + login.body());
    }
    // Signing in starts a new session; its CSRF token comes with the next read, as it does for the browser.
    client.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    client.frozen = true;
    return client;
  }

  /** Anonymous webapp visitor: has the CSRF cookie a browser would have, but no session. */
  static SurfaceClient anonymousSession(String baseUrl) throws IOException, InterruptedException {
    SurfaceClient client = new SurfaceClient(baseUrl, "anonymous", Mode.SESSION);
    client.send("GET", "/camunda/app/tasklist/default/", null, null);
    client.frozen = true;
    return client;
  }

  Answer send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, text/plain, */*")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (mode == Mode.BASIC) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (mode == Mode.SESSION && !frozen) {
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
  }
}
