package io.edgeconf.bridge.message;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Strict reading of the device protocol's JSON objects: typed fields, clear errors. */
final class JsonFields {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final String what;
  private final JsonNode node;

  private JsonFields(String what, JsonNode node) {
    this.what = what;
    this.node = node;
  }

  static JsonFields parse(String what, byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MessageFormatException(what + ": empty message");
    }
    if (bytes.length > maxBytes) {
      throw new MessageFormatException(
          what + ": " + bytes.length + " bytes, more than the limit of " + maxBytes);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new MessageFormatException(what + ": not JSON (" + e.getOriginalMessage() + ")", e);
    } catch (java.io.IOException e) {
      throw new MessageFormatException(what + ": unreadable (" + e.getMessage() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new MessageFormatException(what + ": a JSON object is required");
    }
    return new JsonFields(what, node);
  }

  private MessageFormatException wrong(String field, String expected) {
    JsonNode value = node.get(field);
    return new MessageFormatException(
        what
            + ": field '"
            + field
            + "' "
            + (value == null || value.isNull() ? "is missing" : "is " + value + ",")
            + (value == null || value.isNull() ? ", expected " : " expected ")
            + expected);
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  String requiredString(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw wrong(field, "a string");
    }
    return value.textValue();
  }

  String optionalString(String field, String fallback) {
    return has(field) ? requiredString(field) : fallback;
  }

  long requiredU32(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw wrong(field, "an integer from 0 to 4294967295");
    }
    long v = value.longValue();
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw wrong(field, "an integer from 0 to 4294967295");
    }
    return v;
  }

  long optionalU32(String field, long fallback) {
    return has(field) ? requiredU32(field) : fallback;
  }

  boolean requiredBoolean(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw wrong(field, "true or false");
    }
    return value.booleanValue();
  }

  List<String> stringList(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw wrong(field, "an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrong(field, "an array of strings");
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** An object whose values are strings or integers; returned as two maps. */
  void attributes(String field, Map<String, String> strings, Map<String, Long> integers) {
    if (!has(field)) {
      return;
    }
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw wrong(field, "an object of strings and integers");
    }
    for (var e : value.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        strings.put(e.getKey(), v.textValue());
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        integers.put(e.getKey(), v.longValue());
      } else {
        throw new MessageFormatException(
            what
                + ": attribute '"
                + e.getKey()
                + "' is "
                + v
                + ", expected a string or an integer");
      }
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
