package io.foothold.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cookies a browser keeps for the webapps (the session, the CSRF token), without the browser: each answer's
 * Set-Cookie is kept, and a request carries them back when the caller asks for it (a CSRF test decides itself
 * what a request carries).
 */
public final class CookieJar {

  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** Sends the request and keeps the cookies its answer sets. */
  public HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return response;
  }

  /** The request carrying every cookie kept so far (unchanged while there are none). */
  public HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    return request;
  }

  /** The request as Tasklist sends it: the cookies, and the CSRF cookie's token echoed in X-XSRF-TOKEN once there is one. */
  public HttpRequest.Builder withCookiesAndCsrfToken(HttpRequest.Builder request) {
    withCookies(request);
    if (cookies.containsKey("XSRF-TOKEN")) {
      request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return request;
  }

  /** The value of this cookie, or null while none was set. */
  public String get(String name) {
    return cookies.get(name);
  }

  public Set<String> names() {
    return cookies.keySet();
  }
}
