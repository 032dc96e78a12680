package io.foothold.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;

/**
 * Fills the {@code values} of every component with {@code properties.optionsSource} from that
 * source, for one user, so Tasklist shows only the options this user may pick. The validator
 * checks submissions against the same source.
 */
@Component
public class FormOptionsEnricher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormOptionsSources optionsSources;

  public FormOptionsEnricher(FormOptionsSources optionsSources) {
    this.optionsSources = optionsSources;
  }

  /**
   * The form JSON with dynamic options filled in; everything else is kept as it was. An unknown
   * source or no user yields an empty option list.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public String enrich(String formJson, String userId) {
    try {
      JsonNode form = JSON.readTree(formJson);
      if (!fillOptions(form, userId)) {
        return formJson; // untouched, byte for byte
      }
      return JSON.writeValueAsString(form);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a readable Camunda Form: " + e.getOriginalMessage(), e);
    }
  }

  private boolean fillOptions(JsonNode form, String userId) {
    boolean changed = false;
    for (FormComponent component : FormComponents.of(form)) {
      String source = component.property("optionsSource");
      if (source != null && component.json() instanceof ObjectNode object) {
        ArrayNode values = object.putArray("values");
        optionsSources.optionsFor(source, userId).forEach(option ->
            values.addObject().put("label", option.label()).put("value", option.value()));
        changed = true;
      }
    }
    return changed;
  }
}
