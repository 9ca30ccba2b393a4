package io.edgeconf.bridge.descriptor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device attributes to and from the device descriptor a config module reads at {@code ec_in}: a
 * sequence of records {@code tag u8, len u8, len bytes}. Stateless and thread-safe.
 */
public final class DescriptorCodec {
  public static final int TAG_BOARD = 1;
  public static final int TAG_ID = 2;
  public static final int TAG_ZONE = 3;
  public static final int TAG_FW = 4;
  public static final int TAG_TAG = 5;
  public static final int TAG_ATTR = 6;
  public static final int TAG_NUM = 7;

  /** The longest record content a length byte can describe. */
  public static final int MAX_RECORD = 255;

  private DescriptorCodec() {}

  /**
   * Encodes a device. Empty zone and fw are left out (the module reads them as {@code ""}).
   *
   * @throws DescriptorException naming the record when one is longer than 255 bytes
   */
  public static byte[] encode(DeviceAttributes device) {
    var out = new ByteArrayOutputStream(64);
    record(out, TAG_BOARD, "board", utf8(device.board()));
    record(out, TAG_ID, "id", utf8(device.id()));
    if (!device.zone().isEmpty()) {
      record(out, TAG_ZONE, "zone", utf8(device.zone()));
    }
    if (!device.fw().isEmpty()) {
      record(out, TAG_FW, "fw", utf8(device.fw()));
    }
    for (String tag : device.tags()) {
      record(out, TAG_TAG, "tag '" + tag + "'", utf8(tag));
    }
    for (var e : device.attrs().entrySet()) {
      record(out, TAG_ATTR, "attr '" + e.getKey() + "'", keyValue(e.getKey(), utf8(e.getValue())));
    }
    for (var e : device.nums().entrySet()) {
      byte[] value =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(e.getValue()).array();
      record(out, TAG_NUM, "num '" + e.getKey() + "'", keyValue(e.getKey(), value));
    }
    return out.toByteArray();
  }

  /**
   * Decodes a descriptor; unknown tags are skipped.
   *
   * @throws DescriptorException when a record runs past the end, a required record (board, id) is
   *     missing, or a value is invalid
   */
  public static DeviceAttributes decode(byte[] bytes) {
    String board = null;
    String id = null;
    String zone = "";
    String fw = "";
    List<String> tags = new ArrayList<>();
    Map<String, String> attrs = new HashMap<>();
    Map<String, Long> nums = new HashMap<>();
    int i = 0;
    while (i < bytes.length) {
      if (i + 2 > bytes.length) {
        throw new DescriptorException("record header at offset " + i + " is truncated");
      }
      int tag = bytes[i] & 0xFF;
      int len = bytes[i + 1] & 0xFF;
      int start = i + 2;
      if (start + len > bytes.length) {
        throw new DescriptorException(
            "record at offset "
                + i
                + " needs "
                + len
                + " bytes, "
                + (bytes.length - start)
                + " left");
      }
      String text = new String(bytes, start, len, StandardCharsets.UTF_8);
      switch (tag) {
        case TAG_BOARD -> board = text;
        case TAG_ID -> id = text;
        case TAG_ZONE -> zone = text;
        case TAG_FW -> fw = text;
        case TAG_TAG -> tags.add(text);
        case TAG_ATTR -> {
          int nul = text.indexOf('\0');
          if (nul <= 0) {
            throw new DescriptorException("attr record at offset " + i + " has no key");
          }
          attrs.put(text.substring(0, nul), text.substring(nul + 1));
        }
        case TAG_NUM -> {
          int nul = indexOfNul(bytes, start, start + len);
          if (nul <= start || start + len - nul - 1 != 8) {
            throw new DescriptorException("num record at offset " + i + " is not key, 0, i64");
          }
          String key = new String(bytes, start, nul - start, StandardCharsets.UTF_8);
          nums.put(
              key, ByteBuffer.wrap(bytes, nul + 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        }
        default -> {
          // Unknown tags are skipped: newer hosts may describe more.
        }
      }
      i = start + len;
    }
    if (board == null || id == null) {
      throw new DescriptorException("a descriptor needs a board (tag 1) and an id (tag 2)");
    }
    return new DeviceAttributes(board, id, zone, fw, tags, attrs, nums);
  }

  private static int indexOfNul(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] keyValue(String key, byte[] value) {
    byte[] k = utf8(key);
    byte[] out = new byte[k.length + 1 + value.length];
    System.arraycopy(k, 0, out, 0, k.length);
    System.arraycopy(value, 0, out, k.length + 1, value.length);
    return out;
  }

  private static void record(ByteArrayOutputStream out, int tag, String what, byte[] content) {
    if (content.length > MAX_RECORD) {
      throw new DescriptorException(
          what
              + " is "
              + content.length
              + " bytes; a descriptor record holds at most "
              + MAX_RECORD);
    }
    out.write(tag);
    out.write(content.length);
    out.write(content, 0, content.length);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
