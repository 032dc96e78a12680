package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormOptionsEnricherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final FormOptionsSource REPORTS = new FormOptionsSource() {
    @Override
    public String name() {
      return "my-reports";
    }

    @Override
    public List<FormOption> optionsFor(String userId) {
      return List.of(new FormOption("emp-1", "Ada for " + userId), new FormOption("emp-2", "Bo"));
    }
  };

  private final FormOptionsEnricher enricher =
      new FormOptionsEnricher(FormOptionsSources.of(REPORTS));

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode c : form.findParents("key")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no component " + key);
  }

  @Test
  void fillsOptionsFromTheNamedSourceForTheUser() throws Exception {
    JsonNode enriched = JSON.readTree(enricher.enrich(Fixtures.formJson("rules.form"), "mgr"));
    JsonNode employee = component(enriched, "employeeId");
    assertThat(employee.path("values")).hasSize(2);
    assertThat(employee.path("values").get(0).path("value").asText()).isEqualTo("emp-1");
    assertThat(employee.path("values").get(0).path("label").asText()).isEqualTo("Ada for mgr");
    assertThat(employee.path("properties").path("optionsSource").asText()).isEqualTo("my-reports");
  }

  @Test
  void leavesEverythingElseUntouched() throws Exception {
    JsonNode original = JSON.readTree(Fixtures.formJson("rules.form"));
    JsonNode enriched = JSON.readTree(enricher.enrich(Fixtures.formJson("rules.form"), "mgr"));
    ((ObjectNode) component(original, "employeeId"))
        .set("values", component(enriched, "employeeId").path("values"));
    assertThat(enriched).isEqualTo(original);
  }

  @Test
  void fillsOptionsInsideGroups() throws Exception {
    String form = """
        {"id": "g", "components": [{"type": "group", "components": [
          {"type": "select", "key": "who", "values": [{"label": "stale", "value": "x"}],
           "properties": {"optionsSource": "my-reports"}}]}]}""";
    JsonNode who = component(JSON.readTree(enricher.enrich(form, "mgr")), "who");
    assertThat(who.path("values")).extracting(v -> v.path("value").asText())
        .containsExactly("emp-1", "emp-2");
  }

  @Test
  void anUnknownSourceOrNoUserGivesNoOptions() throws Exception {
    String form = """
        {"id": "u", "components": [{"type": "select", "key": "case",
          "values": [{"label": "stale", "value": "x"}], "properties": {"optionsSource": "nope"}}]}""";
    assertThat(component(JSON.readTree(enricher.enrich(form, "mgr")), "case").path("values"))
        .isEmpty();
    assertThat(component(JSON.readTree(enricher.enrich(Fixtures.formJson("rules.form"), null)),
        "employeeId").path("values")).isEmpty();
  }

  @Test
  void aFormWithoutOptionSourcesIsReturnedAsItWas() {
    String form = Fixtures.formJson("fixture-form.form");
    assertThat(enricher.enrich(form, "mgr")).isSameAs(form);
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertThatThrownBy(() -> enricher.enrich("{not json", "mgr"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
