package io.foothold.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Deploy-time filling of catalog-driven options: what Tasklist and the server checks get to see. */
class CatalogOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRecoveryArcCatalogFieldIsFilledWithTheCatalogsIdsAndLabelsInOrder() throws IOException {
    JsonNode catalog = new YAMLMapper().readTree(Path.of("seeds/recovery-arc/catalog.yaml").toFile());
    CatalogOptions options = CatalogOptions.read(Files.newInputStream(Path.of("seeds/recovery-arc/catalog.yaml")));
    int filled = 0;
    try (Stream<Path> forms = Files.list(Path.of("forms/recovery-arc"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode deployed = JSON.readTree(options.fill(Files.readString(form), form.toString()));
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
          List<String> ids = new ArrayList<>();
          List<String> catalogLabels = new ArrayList<>();
          catalog.path(list).forEach(e -> {
            ids.add(e.path("id").asText());
            catalogLabels.add(e.path("label").asText());
          });
          assertThat(values).as(form + "/" + c.path("key").asText()).isNotEmpty().isEqualTo(ids);
          assertThat(labels).as(form + "/" + c.path("key").asText()).isEqualTo(catalogLabels);
          filled++;
        }
      }
    }
    assertThat(filled).as("catalog-driven fields across the recovery-arc forms").isGreaterThanOrEqualTo(19);
  }

  @Test
  void aFormWithoutCatalogFieldsIsDeployedByteForByte() throws IOException {
    String form = "{\"id\":\"x\",  \"components\":[{\"type\":\"radio\",\"key\":\"a\",\"values\":[{\"label\":\"A\",\"value\":\"a\"}]}]}";
    assertThat(catalog("drivers:\n  - {id: d, label: D}\n").fill(form, "x.form")).isSameAs(form);
  }

  @Test
  void inlineValuesAreKeptEvenWhenACatalogIsNamed() throws IOException {
    String form = "{\"components\":[{\"type\":\"select\",\"key\":\"a\",\"properties\":{\"catalog\":\"drivers\"},"
        + "\"values\":[{\"label\":\"Kept\",\"value\":\"kept\"}]}]}";
    assertThat(catalog("drivers:\n  - {id: d, label: D}\n").fill(form, "x.form")).isSameAs(form);
  }

  @Test
  void anUnknownCatalogListStopsTheDeploymentWithItsName() throws IOException {
    String form = "{\"components\":[{\"type\":\"group\",\"components\":[{\"type\":\"checklist\",\"key\":\"kinds\","
        + "\"properties\":{\"catalog\":\"nope\"},\"values\":[]}]}]}";
    assertThatThrownBy(() -> catalog("drivers:\n  - {id: d, label: D}\n").fill(form, "pb/x.form"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pb/x.form").hasMessageContaining("kinds").hasMessageContaining("nope");
    assertThatThrownBy(() -> CatalogOptions.none().fill(form, "pb/x.form"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void fieldsInsideGroupsAreFilled() throws IOException {
    String form = "{\"components\":[{\"type\":\"group\",\"components\":[{\"type\":\"checklist\",\"key\":\"k\","
        + "\"properties\":{\"catalog\":\"drivers\"},\"values\":[]}]}]}";
    JsonNode filled = JSON.readTree(catalog("drivers:\n  - {id: d, label: D}\n  - {id: e, label: E}\n").fill(form, "x.form"));
    JsonNode values = filled.path("components").get(0).path("components").get(0).path("values");
    assertThat(values.toString()).isEqualTo("[{\"label\":\"D\",\"value\":\"d\"},{\"label\":\"E\",\"value\":\"e\"}]");
  }

  private static CatalogOptions catalog(String yaml) throws IOException {
    return CatalogOptions.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
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
