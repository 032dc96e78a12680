package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * Nobody fills the server's heap or the database with one request: bodies over the request limit are refused
 * before they are read (413), every variable type has a size cap (Bytes and File included), JSON lists and maps are
 * capped, and attachments are for administrators only, small and inert. After each refusal the used heap (after a
 * full GC) is what it was before, within a tolerance for the rest of the application running meanwhile.
 */
@FootholdSpringTest
class ResourceLimitsTest {

  private static final long HEAP_TOLERANCE = 24L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void threeFourteenMegabyteBytesVariablesInOneStartRequestAreRefusedBeforeTheyAreRead() throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>(EngineRest.typed(RecoveryArcForms.openCase("lea")));
    for (String name : List.of("blobA", "blobB", "blobC")) {
      variables.put(name, Map.of("type", "Bytes", "value", base64(14 * 1024 * 1024)));
    }
    byte[] body = JSON.writeValueAsBytes(Map.of("variables", variables));
    long cases = runtime.createProcessInstanceQuery().processDefinitionKey("RecoveryArc").count();
    long before = usedHeapAfterGc();

    HttpResponse<String> answer = post("/engine-rest/process-definition/key/RecoveryArc/submit-form", "maya", body);

    long after = usedHeapAfterGc();
    Reference.reachabilityFence(body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(answer.body()).contains("at most");
    assertThat(after - before).as("heap kept by the refused request").isLessThan(HEAP_TOLERANCE);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("RecoveryArc").count()).isEqualTo(cases);
  }

  @Test
  void anEightMegabyteBytesVariableIsRefused() throws Exception {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    byte[] body = JSON.writeValueAsBytes(Map.of("type", "Bytes", "value", base64(8 * 1024 * 1024)));
    long before = usedHeapAfterGc();

    HttpResponse<String> answer = put("/engine-rest/process-instance/" + caseId + "/variables/blob", "admin", body);

    long after = usedHeapAfterGc();
    Reference.reachabilityFence(body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(after - before).as("heap kept by the refused request").isLessThan(HEAP_TOLERANCE);
    assertThat(runtime.getVariable(caseId, "blob")).isNull();
  }

  @Test
  void aBytesOrFileVariableWithinTheBodyLimitButOverItsCapIsRefusedByTheEngine() throws Exception {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    EngineRest admin = EngineRest.as(web, "admin");

    var bytes = admin.put("/process-instance/" + caseId + "/variables/blob", Map.of("type", "Bytes", "value", base64(300 * 1024)));
    var file = admin.put("/process-instance/" + caseId + "/variables/doc", Map.of("type", "File", "value", base64(300 * 1024),
        "valueInfo", Map.of("filename", "notes.txt", "mimeType", "text/plain")));
    var small = admin.put("/process-instance/" + caseId + "/variables/small", Map.of("type", "Bytes", "value", base64(1024)));

    assertThat(bytes.getStatusCode().value()).as(bytes.getBody()).isEqualTo(400);
    assertThat(bytes.getBody()).contains("blob").contains(String.valueOf(256 * 1024));
    assertThat(file.getStatusCode().value()).as(file.getBody()).isEqualTo(400);
    assertThat(file.getBody()).contains("doc").contains(String.valueOf(256 * 1024));
    assertThat(small.getStatusCode().value()).as(small.getBody()).isEqualTo(204);
    assertThat(runtime.getVariable(caseId, "blob")).isNull();
    assertThat(runtime.getVariable(caseId, "doc")).isNull();
  }

  @Test
  void jsonListsOfMoreThanAThousandElementsAreRefused() {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    EngineRest admin = EngineRest.as(web, "admin");

    var twoThousand = admin.put("/process-instance/" + caseId + "/variables/list", Map.of("type", "Json", "value", list(2000)));
    var fifteenHundred = admin.put("/process-instance/" + caseId + "/variables/list", Map.of("type", "Json", "value", list(1500)));
    var nestedMap = admin.put("/process-instance/" + caseId + "/variables/list", Map.of("type", "Json",
        "value", "{\"a\": " + list(1001) + "}"));
    var aThousand = admin.put("/process-instance/" + caseId + "/variables/list", Map.of("type", "Json", "value", list(1000)));

    assertThat(twoThousand.getStatusCode().is4xxClientError()).as(twoThousand.getBody()).isTrue();
    assertThat(twoThousand.getBody()).contains("list");
    assertThat(fifteenHundred.getStatusCode().value()).as(fifteenHundred.getBody()).isEqualTo(400);
    assertThat(fifteenHundred.getBody()).contains("1500 elements").contains("1000");
    assertThat(nestedMap.getStatusCode().value()).as(nestedMap.getBody()).isEqualTo(400);
    assertThat(aThousand.getStatusCode().value()).as(aThousand.getBody()).isEqualTo(204);
  }

  @Test
  void aTwoMegabyteAttachmentIsRefusedAndHeapStaysFlat() throws Exception {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    byte[] content = new byte[2 * 1024 * 1024];
    long before = usedHeapAfterGc();

    ResponseEntity<String> answer = attach("admin", taskId, "text/plain", "notes.txt", content);

    long after = usedHeapAfterGc();
    Reference.reachabilityFence(content);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(413);
    assertThat(after - before).as("heap kept by the refused request").isLessThan(HEAP_TOLERANCE);
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
  }

  @Test
  void attachmentsAreForAdministratorsAndEvenTheirsAreSmallAndInert() {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    byte[] text = "Notes from the debrief.".getBytes(StandardCharsets.UTF_8);

    var byTheManager = attach("maya", taskId, "text/plain", "notes.txt", text);
    var html = attach("admin", taskId, "text/html", "page.txt", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    var htmlByName = attach("admin", taskId, "text/plain", "page.html", text);
    var overTheCap = attach("admin", taskId, "application/pdf", "big.pdf", new byte[300 * 1024]);
    var scriptLink = attachLink("admin", taskId, "javascript:alert(document.cookie)");
    var webLink = attachLink("admin", taskId, "https://intranet.example/handbook");
    var fine = attach("admin", taskId, "text/plain", "notes.txt", text);

    assertThat(byTheManager.getStatusCode().value()).as(byTheManager.getBody()).isEqualTo(403);
    assertThat(byTheManager.getBody()).contains("administrators");
    assertThat(html.getStatusCode().value()).as(html.getBody()).isEqualTo(400);
    assertThat(html.getBody()).contains("text/html");
    assertThat(htmlByName.getStatusCode().value()).as(htmlByName.getBody()).isEqualTo(400);
    assertThat(overTheCap.getStatusCode().value()).as(overTheCap.getBody()).isEqualTo(400);
    assertThat(overTheCap.getBody()).contains(String.valueOf(256 * 1024));
    assertThat(scriptLink.getStatusCode().value()).as(scriptLink.getBody()).isEqualTo(400);
    assertThat(scriptLink.getBody()).contains("http");
    assertThat(webLink.getStatusCode().value()).as(webLink.getBody()).isEqualTo(200);
    assertThat(fine.getStatusCode().value()).as(fine.getBody()).isEqualTo(200);
    assertThat(tasks.getTaskAttachments(taskId)).hasSize(2);
  }

  private ResponseEntity<String> attach(String who, String taskId, String type, String name, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("attachment-name", name);
    parts.add("attachment-type", type);
    parts.add("content", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return multipart(who, taskId, parts);
  }

  private ResponseEntity<String> attachLink(String who, String taskId, String url) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("attachment-name", "link");
    parts.add("attachment-type", "link");
    parts.add("url", url);
    return multipart(who, taskId, parts);
  }

  private ResponseEntity<String> multipart(String who, String taskId, LinkedMultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(who, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return web.exchange("/engine-rest/task/" + taskId + "/attachment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  private HttpResponse<String> post(String path, String who, byte[] body) throws Exception {
    return http.send(json(path, who).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path, String who, byte[] body) throws Exception {
    return http.send(json(path, who).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder json(String path, String who) {
    String basic = Base64.getEncoder().encodeToString((who + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/json").header("Accept", "application/json");
  }

  private static String base64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }

  private static String list(int elements) {
    return "[" + String.join(",", Collections.nCopies(elements, "1")) + "]";
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
