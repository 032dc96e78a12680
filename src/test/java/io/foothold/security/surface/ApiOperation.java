package io.foothold.security.surface;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One operation of an OpenAPI 3 document: method, path template, parameters and request body schema, with every
 * {@code $ref} resolved against the document, so the request generator never needs the document again.
 */
record ApiOperation(String surface, String method, String path, String operationId, List<Parameter> parameters,
    String bodyContentType, JsonNode bodySchema, JsonNode document) {

  record Parameter(String name, String in, boolean required, JsonNode schema) {
  }

  String label() {
    return method + " " + path;
  }

  boolean hasBody() {
    return bodyContentType != null;
  }

  /**
   * Reads nothing and writes nothing: GETs, and POSTs that are queries by another name (Camunda offers a POST
   * variant of most list and count queries for long filters). Only these are sent as the administrator.
   */
  boolean readOnly() {
    if (method.equals("GET") || method.equals("OPTIONS")) {
      return true;
    }
    if (!method.equals("POST")) {
      return false;
    }
    String id = operationId == null ? "" : operationId.toLowerCase(Locale.ROOT);
    return path.endsWith("/count") || id.startsWith("query") || id.startsWith("postquery") || id.startsWith("postexecute")
        || id.equals("validatemigrationplan") || id.equals("generatemigrationplan") || id.equals("verifyuser")
        || id.equals("checkpassword");
  }

  JsonNode resolve(JsonNode schema) {
    JsonNode node = schema;
    for (int i = 0; node != null && node.has("$ref") && i < 20; i++) {
      node = document.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  /** Every operation of the document, in its order; {@code surface} names where it is served. */
  static List<ApiOperation> read(InputStream json, String surface) throws IOException {
    JsonNode document = new ObjectMapper().readTree(json);
    List<ApiOperation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
        Map.Entry<String, JsonNode> entry = methods.next();
        String method = entry.getKey().toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD").contains(method)) {
          continue;
        }
        JsonNode operation = entry.getValue();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode declared : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
          for (JsonNode parameter : declared) {
            JsonNode p = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(), p.path("schema")));
          }
        }
        String contentType = null;
        JsonNode bodySchema = null;
        JsonNode content = operation.path("requestBody").path("content");
        for (String preferred : List.of("application/json", "multipart/form-data")) {
          if (content.has(preferred)) {
            contentType = preferred;
            bodySchema = content.get(preferred).path("schema");
            break;
          }
        }
        if (contentType == null && content.fields().hasNext()) {
          Map.Entry<String, JsonNode> first = content.fields().next();
          contentType = first.getKey();
          bodySchema = first.getValue().path("schema");
        }
        operations.add(new ApiOperation(surface, method, path.getKey(), operation.path("operationId").asText(null), parameters,
            contentType, bodySchema, document));
      }
    }
    return operations;
  }
}
