package io.edgeconf.bridge.image;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values to and from an image payload. Values are {@link Long} for the integer types and
 * durations (milliseconds), {@link Boolean} for bool, and {@link String} for enums (the member's
 * name) and text. Stateless and thread-safe.
 */
public final class PayloadCodec {
  private PayloadCodec() {}

  /**
   * Encodes one value per field, in schema order.
   *
   * @throws ImageRejectedException with {@link RejectionReason#RANGE} naming the field when a value
   *     is outside its field's range or of the wrong kind
   */
  public static byte[] encode(PolicySchema schema, List<?> values) {
    List<FieldSpec> fields = schema.fields();
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException(
          fields.size() + " fields but " + values.size() + " values");
    }
    ByteBuffer buf = ByteBuffer.allocate(schema.payloadSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      Object value = values.get(i);
      switch (field.type()) {
        case BOOL -> {
          if (!(value instanceof Boolean b)) {
            throw range(field, value);
          }
          buf.put((byte) (b ? 1 : 0));
        }
        case ENUM -> {
          int index = value instanceof String s ? field.enumMembers().indexOf(s) : -1;
          if (index < 0) {
            throw range(field, value);
          }
          buf.put((byte) index);
        }
        case TEXT -> {
          if (!(value instanceof String s)) {
            throw range(field, value);
          }
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          if (utf8.length > field.textLength()) {
            throw range(field, value);
          }
          buf.put((byte) utf8.length).put(utf8).put(new byte[field.textLength() - utf8.length]);
        }
        default -> {
          if (!(value instanceof Number n)
              || n.longValue() < field.min()
              || n.longValue() > field.max()) {
            throw range(field, value);
          }
          putInteger(buf, field.type(), n.longValue());
        }
      }
    }
    return buf.array();
  }

  /**
   * Decodes a payload into field values, in schema order, checking every range as the firmware
   * does.
   *
   * @throws ImageRejectedException with {@link RejectionReason#LENGTH} when the payload size does
   *     not match the schema, or {@link RejectionReason#RANGE} naming the field out of range
   */
  public static Map<String, Object> decode(PolicySchema schema, byte[] payload) {
    if (payload.length != schema.payloadSize()) {
      throw new ImageRejectedException(
          RejectionReason.LENGTH,
          "payload of " + payload.length + " bytes, the schema has " + schema.payloadSize());
    }
    ByteBuffer buf = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldSpec field : schema.fields()) {
      switch (field.type()) {
        case BOOL -> {
          int b = buf.get() & 0xFF;
          if (b > 1) {
            throw range(field, b);
          }
          values.put(field.name(), b == 1);
        }
        case ENUM -> {
          int index = buf.get() & 0xFF;
          if (index >= field.enumMembers().size()) {
            throw range(field, index);
          }
          values.put(field.name(), field.enumMembers().get(index));
        }
        case TEXT -> {
          int length = buf.get() & 0xFF;
          byte[] bytes = new byte[field.textLength()];
          buf.get(bytes);
          if (length > field.textLength()) {
            throw range(field, "length " + length);
          }
          values.put(field.name(), utf8(field, bytes, length));
        }
        default -> {
          long v = getInteger(buf, field.type());
          if (v < field.min() || v > field.max()) {
            throw range(field, v);
          }
          values.put(field.name(), v);
        }
      }
    }
    return values;
  }

  private static String utf8(FieldSpec field, byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw range(field, "invalid UTF-8");
    }
  }

  private static void putInteger(ByteBuffer buf, FieldType type, long v) {
    switch (type.fixedSize()) {
      case 1 -> buf.put((byte) v);
      case 2 -> buf.putShort((short) v);
      case 4 -> buf.putInt((int) v);
      default -> throw new IllegalStateException("no integer of " + type.fixedSize() + " bytes");
    }
  }

  private static long getInteger(ByteBuffer buf, FieldType type) {
    return switch (type.fixedSize()) {
      case 1 -> type.signed() ? buf.get() : buf.get() & 0xFFL;
      case 2 -> type.signed() ? buf.getShort() : buf.getShort() & 0xFFFFL;
      case 4 -> type.signed() ? buf.getInt() : buf.getInt() & 0xFFFF_FFFFL;
      default -> throw new IllegalStateException("no integer of " + type.fixedSize() + " bytes");
    };
  }

  private static ImageRejectedException range(FieldSpec field, Object value) {
    return new ImageRejectedException(
        RejectionReason.RANGE,
        "field " + field.name() + " (" + field.canonical() + ") cannot hold " + value);
  }
}
