package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.FootholdSpringTest;

/** The audit is HR's alone: managers and designers are refused on every path and method, strangers must sign in. */
@FootholdSpringTest
class AuditAccessTest {

  private static final Map<String, String> ERASURE = Map.of("reason", "Retention period ended for this case.");

  @Autowired TestRestTemplate web;

  static Stream<Arguments> everyAuditPath() {
    return Stream.of(
        Arguments.of(HttpMethod.GET, "/api/audit/cases"),
        Arguments.of(HttpMethod.GET, "/api/audit/cases?state=closed&page=1&size=5"),
        Arguments.of(HttpMethod.GET, "/api/audit/cases.csv"),
        Arguments.of(HttpMethod.GET, "/api/audit/cases/any-case"),
        Arguments.of(HttpMethod.GET, "/api/audit/cases/any-case.csv"),
        Arguments.of(HttpMethod.DELETE, "/api/audit/cases/any-case"),
        Arguments.of(HttpMethod.GET, "/api/audit/read-log"),
        Arguments.of(HttpMethod.GET, "/api/audit/analytics"),
        Arguments.of(HttpMethod.GET, "/api/audit"));
  }

  static Stream<Arguments> everyNonHrUserOnEveryAuditPath() {
    return Stream.of("maya", "omar", "dana").flatMap(user -> everyAuditPath().map(path -> Arguments.of(user, path.get()[0], path.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("everyNonHrUserOnEveryAuditPath")
  void managersAndDesignersAreRefused(String user, HttpMethod method, String path) {
    var response = AuditApi.as(web, user).exchange(method, path, method == HttpMethod.DELETE ? ERASURE : null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).doesNotContain("caseId");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyAuditPath")
  void strangersMustSignIn(HttpMethod method, String path) {
    var response = AuditApi.as(web, null).exchange(method, path, method == HttpMethod.DELETE ? ERASURE : null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theOpenApiDescriptionDocumentsTheAuditApi() {
    JsonNode paths = AuditApi.as(web, "hana").json("/v3/api-docs").path("paths");
    assertThat(paths.path("/api/audit/cases").has("get")).isTrue();
    assertThat(paths.path("/api/audit/cases.csv").has("get")).isTrue();
    assertThat(paths.path("/api/audit/cases/{caseId}").has("get")).isTrue();
    assertThat(paths.path("/api/audit/cases/{caseId}").has("delete")).isTrue();
    assertThat(paths.path("/api/audit/cases/{caseId}.csv").has("get")).isTrue();
    assertThat(paths.path("/api/audit/read-log").has("get")).isTrue();
    assertThat(paths.path("/api/audit/cases").path("get").path("summary").asText()).isNotBlank();
    assertThat(List.of(paths.path("/api/audit/cases").path("get").path("tags").get(0).asText())).containsExactly("Case audit");
  }
}
