package io.edgeconf.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A raw CoAP (RFC 7252) message encoder, for peers that break the rules on purpose. */
final class Coap {
  static final int CON = 0;
  static final int NON = 1;
  static final int GET = 1;
  static final int POST = 2;
  static final int PUT = 3;
  static final int URI_PATH = 11;
  static final int CONTENT_FORMAT = 12;
  static final int URI_QUERY = 15;
  static final int BLOCK1 = 27;

  private final List<Object[]> options = new ArrayList<>();
  private final int type;
  private final int code;
  private final int mid;
  private final byte[] token;
  private byte[] payload = new byte[0];

  Coap(int type, int code, int mid, byte[] token) {
    this.type = type;
    this.code = code;
    this.mid = mid;
    this.token = token;
  }

  Coap option(int number, byte[] value) {
    options.add(new Object[] {number, value});
    return this;
  }

  Coap option(int number, String value) {
    return option(number, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Block1 with a block number, more flag and size exponent (size = 2^(szx+4)). */
  Coap block1(int num, boolean more, int szx) {
    int v = (num << 4) | (more ? 8 : 0) | szx;
    return option(BLOCK1, uint(v));
  }

  Coap payload(byte[] p) {
    payload = p;
    return this;
  }

  static byte[] uint(int v) {
    if (v == 0) {
      return new byte[0];
    }
    if (v < 0x100) {
      return new byte[] {(byte) v};
    }
    if (v < 0x10000) {
      return new byte[] {(byte) (v >> 8), (byte) v};
    }
    return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
  }

  byte[] encode() {
    var out = new ByteArrayOutputStream();
    out.write(0x40 | (type << 4) | token.length);
    out.write(code);
    out.write(mid >> 8);
    out.write(mid);
    out.writeBytes(token);
    options.sort(Comparator.comparingInt(o -> (int) o[0]));
    int last = 0;
    for (Object[] o : options) {
      int number = (int) o[0];
      byte[] value = (byte[]) o[1];
      int delta = number - last;
      last = number;
      int dn = delta < 13 ? delta : delta < 269 ? 13 : 14;
      int ln = value.length < 13 ? value.length : value.length < 269 ? 13 : 14;
      out.write((dn << 4) | ln);
      extended(out, dn, delta);
      extended(out, ln, value.length);
      out.writeBytes(value);
    }
    if (payload.length > 0) {
      out.write(0xFF);
      out.writeBytes(payload);
    }
    return out.toByteArray();
  }

  private static void extended(ByteArrayOutputStream out, int nibble, int value) {
    if (nibble == 13) {
      out.write(value - 13);
    } else if (nibble == 14) {
      out.write((value - 269) >> 8);
      out.write(value - 269);
    }
  }
}
