package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.foothold.support.FootholdSpringTest;

/** Errors a person meets in the browser are Foothold's page saying where their work is; API clients keep JSON. */
@FootholdSpringTest
class WhereToGoPagesTest {

  @Autowired TestRestTemplate web;

  @Test
  void aManagerFollowingALinkIntoHrsAuditGetsAPagePointingToTasklist() {
    // when
    ResponseEntity<String> page = get("maya", "/api/audit/cases", MediaType.TEXT_HTML);

    // then
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody())
        .contains("This page is not part of your work")
        .contains("signed in as <strong>maya</strong>")
        .contains("href=\"/camunda/app/tasklist/\"")
        .doesNotContain("Whitelabel").doesNotContain("href=\"/hr/\"");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .as("a page, so its style sheet may load; still no inline script").isEqualTo(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void anApiClientStillGetsJson() {
    ResponseEntity<String> answer = get("maya", "/api/audit/cases", MediaType.APPLICATION_JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).isEqualTo("{\"message\":\"The case audit is for HR only.\"}");
  }

  @Test
  void anAddressThatDoesNotExistIsAPageWithTheWayBack() {
    ResponseEntity<String> page = get(null, "/no-such-page", MediaType.TEXT_HTML);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(page.getBody()).contains("Nothing here").contains("You are not signed in.")
        .contains("href=\"/camunda/app/tasklist/\"").doesNotContain("Whitelabel");
  }

  @Test
  void eachRoleIsToldItsOwnPlaces() {
    WhereToGoPages pages = new WhereToGoPages(null, null, "/camunda");

    assertThat(pages.places(List.of(Roles.MANAGERS))).extracting(WhereToGoPages.Place::text).containsExactly("Tasklist");
    assertThat(pages.places(List.of(Roles.HR))).extracting(WhereToGoPages.Place::text).containsExactly("HR pages", "Tasklist");
    assertThat(pages.places(List.of(Roles.DESIGNERS))).extracting(WhereToGoPages.Place::href)
        .containsExactly("/camunda/app/cockpit/", "/designers/");
    assertThat(pages.places(List.of())).extracting(WhereToGoPages.Place::why).containsExactly("sign in with your Foothold account");
  }

  @Test
  void theUserIdIsShownAsText() {
    String html = new WhereToGoPages.Page(HttpStatus.FORBIDDEN, "<img src=x>", List.of()).html();

    assertThat(html).contains("&lt;img src=x&gt;").doesNotContain("<img");
  }

  private ResponseEntity<String> get(String user, String path, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    return (user == null ? web : web.withBasicAuth(user, "demo")).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
