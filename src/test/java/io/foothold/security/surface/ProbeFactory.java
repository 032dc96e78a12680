package io.foothold.security.surface;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one API operation into concrete requests against maya's case: every path parameter filled with a real id of
 * the case (by parameter name and the resource the path names), id-like query parameters and body fields filled
 * the same way, a body of {@code {}} and one generated from the schema, and the spellings a URL-matching rule would
 * miss (trailing slash, matrix parameter, changed case, percent-encoded letter, the named-engine prefix).
 */
final class ProbeFactory {

  /** A request ready to send: {@code path} is relative to the surface's base (e.g. /engine-rest). */
  record Probe(ApiOperation operation, String variant, String bodyKind, String path, String query, String contentType,
      byte[] body, Set<String> idsSent) {
  }

  static final String FILLER = "surface-probe";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final MayasCase mayas;

  ProbeFactory(MayasCase mayas) {
    this.mayas = mayas;
  }

  /** The requests for one operation as one user; {@code variants} false sends the plain spelling only. */
  List<Probe> probes(ApiOperation operation, String user, boolean variants) {
    List<Probe> probes = new ArrayList<>();
    int combinations = combinations(operation);
    for (int index = 0; index < combinations; index++) {
      Set<String> sent = new LinkedHashSet<>();
      String query = query(operation, index, sent);
      List<String[]> spellings = new ArrayList<>();
      spellings.add(new String[] {"plain", operation.path()});
      if (variants && index == 0) {
        spellings.addAll(variants(operation.path(), operation.surface()));
      }
      for (String[] spelling : spellings) {
        spelling[1] = fillPath(operation, spelling[1], index, sent);
      }
      for (String[] spelling : spellings) {
        if (!operation.hasBody()) {
          probes.add(new Probe(operation, spelling[0], "none", spelling[1], query, null, null, sent));
          continue;
        }
        if (operation.bodyContentType().equals("multipart/form-data")) {
          String boundary = "surface" + UUID.randomUUID().toString().replace("-", "");
          probes.add(new Probe(operation, spelling[0], "multipart", spelling[1], query, "multipart/form-data; boundary=" + boundary,
              multipart(operation, boundary, index, user, sent), sent));
          continue;
        }
        if (spelling[0].equals("plain")) {
          probes.add(new Probe(operation, spelling[0], "{}", spelling[1], query, "application/json", "{}".getBytes(StandardCharsets.UTF_8), sent));
        }
        Set<String> bodySent = new LinkedHashSet<>(sent);
        JsonNode body = generate(operation, operation.bodySchema(), null, index, user, bodySent, 0);
        probes.add(new Probe(operation, spelling[0], "schema", spelling[1], query, "application/json", bytes(body), bodySent));
      }
    }
    return probes;
  }

  /** Variable-like kinds have two values (the private note, an ordinary fact); every other kind one. */
  private int combinations(ApiOperation operation) {
    int most = 1;
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("path")) {
        String kind = kindOf(operation.path(), parameter.name());
        most = Math.max(most, Math.min(2, mayas.all(kind).size()));
      }
    }
    return most;
  }

  private String fillPath(ApiOperation operation, String template, int index, Set<String> sent) {
    String path = template;
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("path")) {
        String value = value(kindOf(operation.path(), parameter.name()), index);
        if (value == null) {
          value = FILLER;
        }
        sent.add(value);
        path = path.replace("{" + parameter.name() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return path;
  }

  private String value(String kind, int index) {
    List<String> values = mayas.all(kind);
    if (values.isEmpty()) {
      return null;
    }
    return values.get(Math.min(index, values.size() - 1));
  }

  /** The kind of id a path parameter takes: named by the parameter, or for a bare {id} by the resource the path names. */
  static String kindOf(String path, String parameter) {
    String[] segments = path.substring(1).split("/");
    String resource = segments[0].equals("history") || segments[0].equals("api") ? segments[0] + "/" + segments[1] : segments[0];
    return switch (parameter) {
      case "id", "caseId" -> switch (resource) {
        case "authorization" -> "authorization";
        case "decision-definition" -> "decisionDefinition";
        case "deployment" -> "deployment";
        case "execution" -> "execution";
        case "filter" -> "filter";
        case "group" -> "group";
        case "history/activity-instance" -> "historicActivityInstance";
        case "history/decision-instance" -> "decisionInstance";
        case "history/detail" -> "historicDetail";
        case "history/job-log" -> "jobLog";
        case "history/process-definition" -> "processDefinition";
        case "history/process-instance", "process-instance", "api/audit" -> "processInstance";
        case "history/variable-instance" -> "historicVariable";
        case "incident" -> "incident";
        case "job-definition" -> "jobDefinition";
        case "job" -> "job";
        case "process-definition" -> "processDefinition";
        case "task" -> "task";
        case "user" -> "user";
        case "variable-instance" -> "variable";
        case "api/playbooks" -> "playbook";
        // batches, tenants, external tasks, decision requirements: maya's case has none.
        default -> "none";
      };
      case "key" -> resource.startsWith("decision") ? "decisionKey" : "processKey";
      case "varName" -> "variableName";
      case "userId" -> "user";
      case "groupId" -> "group";
      case "commentId" -> "comment";
      case "attachmentId" -> "attachment";
      case "resourceId" -> "deploymentResource";
      case "operationId" -> "operation";
      default -> "none";
    };
  }

  /** The kind of id a query parameter or body field takes, by its name alone; null for fields that are not ids. */
  static String kindOfField(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("processinstanceid") || n.equals("superprocessinstance") || n.equals("rootprocessinstanceid")
        || n.equals("processinstanceids")) {
      return "processInstance";
    }
    if (n.startsWith("executionid")) {
      return "execution";
    }
    if (n.startsWith("taskid")) {
      return "task";
    }
    if (n.startsWith("processdefinitionid")) {
      return "processDefinition";
    }
    if (n.startsWith("processdefinitionkey")) {
      return "processKey";
    }
    if (n.startsWith("deploymentid")) {
      return "deployment";
    }
    if (n.startsWith("jobid") || n.equals("jobids")) {
      return "job";
    }
    if (n.startsWith("jobdefinitionid")) {
      return "jobDefinition";
    }
    if (n.startsWith("incidentid")) {
      return "incident";
    }
    if (n.startsWith("decisioninstanceid")) {
      return "decisionInstance";
    }
    if (n.startsWith("decisiondefinitionid")) {
      return "decisionDefinition";
    }
    if (n.startsWith("decisiondefinitionkey")) {
      return "decisionKey";
    }
    if (n.startsWith("variableinstanceid")) {
      return "variable";
    }
    if (n.equals("variablename") || n.equals("variablenamein")) {
      return "variableName";
    }
    if (n.startsWith("activityinstanceid")) {
      return "historicActivityInstance";
    }
    if (n.equals("operationid")) {
      return "operation";
    }
    return null;
  }

  private String query(ApiOperation operation, int index, Set<String> sent) {
    StringBuilder query = new StringBuilder();
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      if (!parameter.in().equals("query")) {
        continue;
      }
      String name = parameter.name();
      String value = null;
      String kind = kindOfField(name);
      if (kind != null) {
        value = value(kind, index);
      } else if (name.equals("maxResults")) {
        value = "50";
      } else if (name.equals("firstResult")) {
        value = "0";
      } else if (name.endsWith("InReturn")) {
        // e.g. withTaskVariablesInReturn: the task list then carries each task's variables.
        value = "true";
      } else if (name.equals("deserializeValues") || name.equals("deserializeValue")) {
        value = "true";
      } else if (parameter.required()) {
        JsonNode generated = generate(operation, parameter.schema(), name, index, null, sent, 3);
        value = generated.isTextual() ? generated.asText() : generated.toString();
      }
      if (value != null) {
        if (kind != null) {
          sent.add(value);
        }
        query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  /**
   * A body filled from the schema: ids from maya's case where a field names one, the requesting user where a field
   * names a person (assignee, userId: "give the task to me"), real fact names as variable names, true for flags.
   */
  private JsonNode generate(ApiOperation operation, JsonNode rawSchema, String name, int index, String user, Set<String> sent, int depth) {
    JsonNode schema = operation.resolve(rawSchema);
    if (schema == null || schema.isMissingNode()) {
      return JSON.textNode(FILLER);
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.has(combinator) && schema.get(combinator).size() > 0) {
        if (combinator.equals("allOf")) {
          ObjectNode merged = JSON.objectNode();
          for (JsonNode part : schema.get(combinator)) {
            JsonNode generated = generate(operation, part, name, index, user, sent, depth);
            if (generated.isObject()) {
              merged.setAll((ObjectNode) generated);
            }
          }
          return merged;
        }
        return generate(operation, schema.get(combinator).get(0), name, index, user, sent, depth);
      }
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0);
    }
    String kind = name == null ? null : kindOfField(name);
    switch (type) {
      case "object": {
        ObjectNode object = JSON.objectNode();
        if (depth > 5) {
          return object;
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
          Map.Entry<String, JsonNode> property = properties.next();
          object.set(property.getKey(), generate(operation, property.getValue(), property.getKey(), index, user, sent, depth + 1));
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
          // Variable maps: try to write one of the case's facts.
          String key = value("variableName", 1) == null ? FILLER : value("variableName", 1);
          JsonNode value = generate(operation, additional, key, index, user, sent, depth + 1);
          if (value.isObject() && ((ObjectNode) value).has("value")) {
            ((ObjectNode) value).put("value", FILLER);
            ((ObjectNode) value).put("type", "String");
            ((ObjectNode) value).remove("valueInfo");
          }
          object.set(key, value);
        }
        return object;
      }
      case "array": {
        ArrayNode array = JSON.arrayNode();
        if (depth <= 5) {
          String singular = name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
          array.add(generate(operation, schema.path("items"), singular, index, user, sent, depth + 1));
        }
        return array;
      }
      case "boolean":
        return JSON.booleanNode(true);
      case "integer":
      case "number":
        return JSON.numberNode(1);
      default: {
        if (kind != null && value(kind, index) != null) {
          sent.add(value(kind, index));
          return JSON.textNode(value(kind, index));
        }
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.equals("authenticateduserpassword")) {
          // The requester's own password, as a real attempt would carry (a wrong one would count as a failed sign-in).
          return JSON.textNode("demo");
        }
        if (n.equals("password")) {
          // Strong enough for the password policy, so a refusal must come from the authorization check.
          return JSON.textNode("Surface-Probe-2026!x");
        }
        if (user != null && (n.equals("userid") || n.equals("assignee") || n.equals("owner") || n.equals("user"))) {
          return JSON.textNode(user);
        }
        if (n.equals("groupid")) {
          return JSON.textNode("teamMaya");
        }
        if (n.equals("name") && depth <= 1 || n.equals("variablename")) {
          return JSON.textNode(value("variableName", 1) == null ? FILLER : value("variableName", 1));
        }
        if ("date-time".equals(schema.path("format").asText()) || n.endsWith("date") || n.endsWith("time")) {
          return JSON.textNode("2026-12-24T10:00:00.000+0000");
        }
        if (n.equals("id")) {
          return JSON.textNode(FILLER);
        }
        return JSON.textNode(FILLER);
      }
    }
  }

  private byte[] multipart(ApiOperation operation, String boundary, int index, String user, Set<String> sent) {
    StringBuilder body = new StringBuilder();
    JsonNode schema = operation.resolve(operation.bodySchema());
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode propertySchema = operation.resolve(property.getValue());
      body.append("--").append(boundary).append("\r\n");
      if ("binary".equals(propertySchema.path("format").asText())) {
        body.append("Content-Disposition: form-data; name=\"").append(property.getKey()).append("\"; filename=\"probe.txt\"\r\n")
            .append("Content-Type: text/plain\r\n\r\n").append(FILLER).append("\r\n");
      } else {
        JsonNode value = generate(operation, property.getValue(), property.getKey(), index, user, sent, 1);
        body.append("Content-Disposition: form-data; name=\"").append(property.getKey()).append("\"\r\n\r\n")
            .append(value.isTextual() ? value.asText() : value.toString()).append("\r\n");
      }
    }
    body.append("--").append(boundary).append("--\r\n");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The same resource spelled the ways a servlet path match misses: trailing slash, matrix parameter on the last
   * segment, the last literal segment in another case, its first letter percent-encoded, and (engine REST only)
   * the named-engine prefix.
   */
  static List<String[]> variants(String path, String surface) {
    List<String[]> variants = new ArrayList<>();
    variants.add(new String[] {"trailing-slash", path + "/"});
    variants.add(new String[] {"matrix", path + ";x=1"});
    String[] segments = path.split("/");
    int literal = -1;
    for (int i = segments.length - 1; i > 0; i--) {
      if (!segments[i].isEmpty() && Character.isLetter(segments[i].charAt(0))) {
        literal = i;
        break;
      }
    }
    if (literal > 0) {
      String segment = segments[literal];
      String[] changed = segments.clone();
      changed[literal] = Character.isUpperCase(segment.charAt(0)) ? segment.toLowerCase(Locale.ROOT)
          : Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
      if (surface.equals("engine-rest")) {
        // JAX-RS matches paths case-sensitively; checked once, on the engine REST surface.
        variants.add(new String[] {"case", String.join("/", changed)});
      }
      String[] encoded = segments.clone();
      encoded[literal] = String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1);
      variants.add(new String[] {"percent-encoded", String.join("/", encoded)});
    }
    if (surface.equals("engine-rest")) {
      variants.add(new String[] {"named-engine", "/engine/default" + path});
    }
    return variants;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
