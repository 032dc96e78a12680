package io.foothold.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Deploy-time filling of catalog-driven options: what Tasklist and the server's checks get to see. */
class CatalogFormOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRecoveryArcCatalogFieldIsFilledWithTheCatalogsIdsAndLabelsInOrder() throws IOException {
    PlaybookCatalog catalog = PlaybookCatalog.parse(Files.readAllBytes(Path.of("seeds/recovery-arc/catalog.yaml")));
    int filled = 0;
    try (Stream<Path> forms = Files.list(Path.of("forms/recovery-arc"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode deployed = JSON.readTree(CatalogFormOptions.fill(Files.readAllBytes(form), catalog));
        for (JsonNode c : flatten(deployed.path("components"))) {
          String list = c.path("properties").path("catalog").asText(null);
          if (list == null) {
            continue;
          }
          List<String> values = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          c.path("values").forEach(v -> {
            values.add(v.path("value").asText());
            labels.add(v.path("label").asText());
          });
          String where = form + "/" + c.path("key").asText();
          assertThat(values).as(where).isNotEmpty().isEqualTo(catalog.list(list).stream().map(PlaybookCatalog.Entry::id).toList());
          assertThat(labels).as(where).isEqualTo(catalog.list(list).stream().map(PlaybookCatalog.Entry::label).toList());
          filled++;
        }
      }
    }
    assertThat(filled).as("catalog-driven fields across the recovery-arc forms").isGreaterThanOrEqualTo(19);
  }

  @Test
  void aFormWithoutCatalogFieldsIsDeployedByteForByte() throws IOException {
    byte[] form = "{\"id\":\"x\",  \"components\":[{\"type\":\"radio\",\"key\":\"a\",\"values\":[{\"label\":\"A\",\"value\":\"a\"}]}]}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(CatalogFormOptions.fill(form, catalog("drivers:\n  - {id: d, label: D}\n"))).isSameAs(form);
  }

  @Test
  void inlineValuesAreKeptEvenWhenACatalogIsNamed() throws IOException {
    byte[] form = ("{\"components\":[{\"type\":\"select\",\"key\":\"a\",\"properties\":{\"catalog\":\"drivers\"},"
        + "\"values\":[{\"label\":\"Kept\",\"value\":\"kept\"}]}]}").getBytes(StandardCharsets.UTF_8);
    assertThat(CatalogFormOptions.fill(form, catalog("drivers:\n  - {id: d, label: D}\n"))).isSameAs(form);
  }

  @Test
  void fieldsInsideGroupsAreFilled() throws IOException {
    byte[] form = ("{\"components\":[{\"type\":\"group\",\"components\":[{\"type\":\"checklist\",\"key\":\"k\","
        + "\"properties\":{\"catalog\":\"drivers\"},\"values\":[]}]}]}").getBytes(StandardCharsets.UTF_8);
    JsonNode filled = JSON.readTree(CatalogFormOptions.fill(form, catalog("drivers:\n  - {id: d, label: D}\n  - {id: e, label: E}\n")));
    JsonNode values = filled.path("components").get(0).path("components").get(0).path("values");
    assertThat(values.toString()).isEqualTo("[{\"label\":\"D\",\"value\":\"d\"},{\"label\":\"E\",\"value\":\"e\"}]");
  }

  @Test
  void optionsAmongAnotherFieldOfferOnlyWhatWasTickedThere() throws IOException {
    byte[] form = ("{\"components\":[{\"type\":\"select\",\"key\":\"main\",\"properties\":{\"catalog\":\"drivers\","
        + "\"optionsAmong\":\"ticked\"},\"values\":[]}]}").getBytes(StandardCharsets.UTF_8);
    JsonNode field = JSON.readTree(CatalogFormOptions.fill(form,
        catalog("drivers:\n  - {id: d, label: 'Deadlines \"too tight\"'}\n  - {id: e, label: E}\n"))).path("components").get(0);

    assertThat(field.path("values")).as("kept for the server's checks").hasSize(2);
    String expression = field.path("valuesExpression").asText();
    assertThat(offered(expression, Map.of("ticked", List.of("d")))).isEqualTo(List.of(Map.of("label", "Deadlines \"too tight\"", "value", "d")));
    assertThat(offered(expression, Map.of("ticked", List.of("e", "d")))).extracting(option -> option.get("value")).containsExactly("d", "e");
    assertThat(offered(expression, new HashMap<>(Collections.singletonMap("ticked", null)))).isEmpty();
  }

  /** The options the expression yields, evaluated by Camunda's FEEL engine (form-js runs the same FEEL in the browser). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> offered(String expression, Map<String, Object> answers) {
    var result = FeelEngineBuilder.forJava().build().evaluateExpression(expression.substring(1), answers);
    assertThat(result.isSuccess()).as("%s", result).isTrue();
    return (List<Map<String, Object>>) result.result();
  }

  private static PlaybookCatalog catalog(String yaml) throws IOException {
    return PlaybookCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> flatten(JsonNode components) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : components) {
      out.add(c);
      out.addAll(flatten(c.path("components")));
    }
    return out;
  }
}
