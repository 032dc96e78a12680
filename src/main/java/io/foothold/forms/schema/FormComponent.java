package io.foothold.forms.schema;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One component of a Camunda Form as {@link FormComponents} found it: its JSON (the form's own node, so a caller
 * that fills options changes the form) and what its place in the form means for it.
 */
public final class FormComponent {

  private final JsonNode json;
  private final boolean topLevel;
  private final List<String> hideConditions;
  private final String repeatedIn;

  FormComponent(JsonNode json, boolean topLevel, List<String> hideConditions, String repeatedIn) {
    this.json = json;
    this.topLevel = topLevel;
    this.hideConditions = List.copyOf(hideConditions);
    this.repeatedIn = repeatedIn;
  }

  /** The component's node in the form's tree; an {@code ObjectNode} unless the form is malformed. */
  public JsonNode json() {
    return json;
  }

  /** Directly in the form's {@code components}, not nested in a group or list. */
  public boolean isTopLevel() {
    return topLevel;
  }

  /**
   * FEEL expressions (leading '=' removed) of this component's {@code conditional.hide} and of every component
   * around it, outermost first: the component is hidden when any of them is true.
   */
  public List<String> hideConditions() {
    return hideConditions;
  }

  /** The {@code path} of the innermost dynamic list around the component (its value is in every item), or null. */
  public String repeatedIn() {
    return repeatedIn;
  }

  public String type() {
    return text("type");
  }

  public String id() {
    return text("id");
  }

  /** The {@code key} attribute, whatever the type; see {@link #carriesValue()} for whether it names a value. */
  public String key() {
    return text("key");
  }

  /** An input with a key: the person submits a value under that key. Layout, text and containers do not. */
  public boolean carriesValue() {
    return FieldType.isInput(type()) && key() != null;
  }

  /** The variable name the component is bound to: its key, else a group's or dynamic list's {@code path}. */
  public String boundName() {
    String key = json.path("key").asText(null);
    return key == null ? json.path("path").asText(null) : key;
  }

  /** An attribute as text, or {@code null} when it is absent or JSON null. */
  public String text(String attribute) {
    return text(json, attribute);
  }

  /** A Foothold property ({@code properties.<name>}: catalog, optionsSource, rule, …) as text, or {@code null}. */
  public String property(String name) {
    return text(json.path("properties"), name);
  }

  static String text(JsonNode node, String attribute) {
    JsonNode value = node.get(attribute);
    return value == null || value.isNull() ? null : value.asText();
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
