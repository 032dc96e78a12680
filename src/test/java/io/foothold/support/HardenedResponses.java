package io.foothold.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * What every Foothold response must carry, in one place, for the tests against the Spring context and for black-box
 * tests against the packaged jar (e.g. the prod profile behind a TLS-terminating proxy).
 *
 * <ul>
 *   <li>always: X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer and a
 *       Content-Security-Policy with frame-ancestors 'none', object-src 'none' (or default-src 'none') and scripts
 *       that never run inline or through eval;</li>
 *   <li>HSTS exactly when the request came over TLS ({@code overTls});</li>
 *   <li>every cookie set: SameSite=Strict; the session cookie HttpOnly; Secure exactly when {@code secureCookies}
 *       (foothold.web.secure-cookies / FOOTHOLD_SECURE_COOKIES: true in prod, false in the demo).</li>
 * </ul>
 */
public final class HardenedResponses {

  public static final String SESSION_COOKIE = "JSESSIONID";
  public static final String CSRF_COOKIE = "XSRF-TOKEN";
  static final long ONE_YEAR_SECONDS = 31_536_000L;

  private HardenedResponses() {
  }

  /** A response of an app that sets Secure cookies exactly when it is reached over TLS (prod behind https, or the demo over http). */
  public static void assertHardened(HttpHeaders headers, boolean overTls) {
    assertHardened(headers, overTls, overTls);
  }

  public static void assertHardened(HttpHeaders headers, boolean overTls, boolean secureCookies) {
    assertThat(headers.getFirst("X-Content-Type-Options")).as("X-Content-Type-Options").isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).as("X-Frame-Options").isEqualTo("DENY");
    assertThat(headers.getFirst("Referrer-Policy")).as("Referrer-Policy").isEqualTo("no-referrer");
    assertStrictPolicy(headers);

    String hsts = headers.getFirst("Strict-Transport-Security");
    if (overTls) {
      assertThat(hsts).as("HSTS over TLS").isNotNull();
      assertThat(Long.parseLong(directive(hsts, "max-age").orElseThrow().substring("max-age=".length())))
          .as("HSTS max-age").isGreaterThanOrEqualTo(ONE_YEAR_SECONDS);
    } else {
      assertThat(hsts).as("no HSTS over plain http").isNull();
    }

    for (String setCookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      assertCookie(setCookie, secureCookies);
    }
  }

  /** A response holding case data: no browser or proxy may keep a copy. */
  public static void assertNotStored(HttpHeaders headers) {
    assertThat(headers.getCacheControl()).as("Cache-Control").contains("no-store");
  }

  /** The cookie of this name the response sets, as sent (null when it sets none). */
  public static String setCookie(HttpHeaders headers, String name) {
    return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
  }

  /** "name=value" of the cookie of this name the response sets, for sending it back. */
  public static String cookiePair(HttpHeaders headers, String name) {
    String cookie = setCookie(headers, name);
    return cookie == null ? null : cookie.split(";", 2)[0].trim();
  }

  private static void assertCookie(String setCookie, boolean secure) {
    HttpCookie cookie = HttpCookie.parse(setCookie).get(0);
    List<String> attributes = Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
    assertThat(attributes).as("%s is SameSite=Strict, once: %s", cookie.getName(), setCookie)
        .containsOnlyOnce("samesite=strict").noneMatch(a -> a.startsWith("samesite=") && !a.equals("samesite=strict"));
    if (SESSION_COOKIE.equals(cookie.getName())) {
      assertThat(attributes).as("the session cookie is HttpOnly: %s", setCookie).contains("httponly");
    }
    if (secure) {
      assertThat(attributes).as("%s is Secure: %s", cookie.getName(), setCookie).contains("secure");
    } else {
      assertThat(attributes).as("%s is not Secure on plain http (it would never come back): %s", cookie.getName(), setCookie)
          .doesNotContain("secure");
    }
  }

  private static void assertStrictPolicy(HttpHeaders headers) {
    List<String> policies = headers.getOrEmpty("Content-Security-Policy");
    assertThat(policies).as("one Content-Security-Policy").hasSize(1);
    String policy = policies.get(0);
    assertThat(directive(policy, "frame-ancestors")).as("frame-ancestors in %s", policy).contains("frame-ancestors 'none'");
    String scripts = directive(policy, "script-src").or(() -> directive(policy, "default-src")).orElseThrow();
    assertThat(scripts).as("scripts in %s", policy)
        .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*").doesNotContain("https:")
        .doesNotContain("data:");
    assertThat(directive(policy, "object-src").or(() -> directive(policy, "default-src").filter(d -> d.contains("'none'"))))
        .as("no plugins in %s", policy).hasValueSatisfying(d -> assertThat(d).endsWith("'none'"));
    assertThat(directive(policy, "base-uri")).as("base-uri in %s", policy).isPresent();
  }

  private static Optional<String> directive(String header, String name) {
    return Arrays.stream(header.split(";")).map(String::trim).filter(d -> d.equals(name) || d.startsWith(name + " ")
        || d.startsWith(name + "=")).findFirst();
  }
}
