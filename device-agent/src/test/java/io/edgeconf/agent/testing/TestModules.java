package io.edgeconf.agent.testing;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.bridge.schema.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-assembled config modules for tests: WAT text turned into WASM by wabt, with an {@code
 * edgeconf.meta} section appended. The standard module renders one fixed image (of the "tiny"
 * policy) for every device, except that a device whose board name starts with {@code n} gets -3
 * (require 0) when {@link Spec#refuseNrf} is set.
 */
public final class TestModules {
  private TestModules() {}

  /** The schema of the test policy: one u8 field and a label. */
  public static final String SCHEMA = "level:u8:0:100;label:text(8)";

  /** What to build. */
  public static final class Spec {
    public String policy = "tiny";
    public long version = 1;
    public List<String> targets = List.of("esp32", "nrf52840");
    public int level = 42;
    public String schema = SCHEMA;
    public boolean refuseNrf;
    public String renderPrefix = "";
    public String memory = "(memory (export \"memory\") 1 2)";
    public String extraFields = "";
    public String checkBody = "(i32.const 0)";
    public int abi = 1;
    public int inCap = 1024;
    public boolean withMeta = true;
    public List<ModuleMetadata.SelfTest> selftest = null;
    public String metaOverride = null;
    public byte[] image = null;

    public Spec version(long v) {
      this.version = v;
      return this;
    }

    public Spec policy(String p) {
      this.policy = p;
      return this;
    }
  }

  public static Spec spec() {
    return new Spec();
  }

  /** The image every device gets from a module of this spec. */
  public static byte[] image(Spec s) {
    if (s.image != null) {
      return s.image;
    }
    PolicySchema schema = PolicySchema.parseCanonical(s.policy, s.schema);
    byte[] payload = new byte[schema.payloadSize()];
    payload[0] = (byte) s.level;
    byte[] label = "test".getBytes(StandardCharsets.UTF_8);
    if (payload.length >= 2 + label.length) {
      payload[1] = (byte) label.length;
      System.arraycopy(label, 0, payload, 2, label.length);
    }
    return ImageCodec.encode(
        new ConfigImage(schema.policyId(), s.version, schema.schemaHash(), payload));
  }

  /** The WAT text of a spec. */
  public static String wat(Spec s) {
    byte[] image = image(s);
    String refuse =
        s.refuseNrf
            ? "(if (i32.eq (i32.load8_u (i32.const 2)) (i32.const 110))"
                + " (then (i32.store16 (i32.const 1024) (i32.const 0)) (return (i32.const -3))))"
            : "";
    return "(module\n"
        + s.memory
        + "\n"
        + "(global (export \"ec_abi\") i32 (i32.const "
        + s.abi
        + "))\n"
        + "(global (export \"ec_in\") i32 (i32.const 0))\n"
        + "(global (export \"ec_in_cap\") i32 (i32.const "
        + s.inCap
        + "))\n"
        + "(global (export \"ec_out\") i32 (i32.const 1024))\n"
        + "(global (export \"ec_out_cap\") i32 (i32.const 4096))\n"
        + s.extraFields
        + "\n(data (i32.const 8192) \""
        + escape(image)
        + "\")\n"
        + "(func (export \"ec_render\") (param $len i32) (result i32)\n"
        + s.renderPrefix
        + refuse
        + "(memory.copy (i32.const 1024) (i32.const 8192) (i32.const "
        + image.length
        + "))\n"
        + "(i32.const "
        + image.length
        + "))\n"
        + "(func (export \"ec_check\") (param $len i32) (result i32) "
        + s.checkBody
        + "))";
  }

  /** The module bytes of a spec: WASM plus metadata (selftest vectors computed from the image). */
  public static byte[] build(Spec s) {
    byte[] wasm = Wat2Wasm.parse(wat(s));
    if (!s.withMeta) {
      return wasm;
    }
    byte[] meta =
        s.metaOverride != null
            ? s.metaOverride.getBytes(StandardCharsets.UTF_8)
            : metadata(s).toJson();
    return appendCustom(wasm, ModuleMetadata.SECTION, meta);
  }

  /** The metadata of a spec. */
  public static ModuleMetadata metadata(Spec s) {
    PolicySchema schema = PolicySchema.parseCanonical(s.policy, s.schema);
    List<ModuleMetadata.SelfTest> selftest = s.selftest;
    if (selftest == null) {
      selftest = new ArrayList<>();
      selftest.add(
          new ModuleMetadata.SelfTest(
              DeviceAttributes.of("esp32", "t1"), Optional.of(Sha256.hex(image(s))), 0, 0));
      if (s.refuseNrf) {
        selftest.add(
            new ModuleMetadata.SelfTest(
                DeviceAttributes.of("nrf52840", "t2"), Optional.empty(), -3, 0));
      }
    }
    return new ModuleMetadata(
        1,
        s.policy,
        s.version,
        schema.policyId(),
        schema.schemaHash(),
        schema.canonical(),
        s.targets,
        schema.imageSize(),
        List.of(),
        List.of(),
        new ModuleMetadata.Rollout(10, 5, 1000, 0),
        selftest,
        "test",
        "");
  }

  /** Appends a custom section. */
  public static byte[] appendCustom(byte[] wasm, String name, byte[] content) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    var body = new ByteArrayOutputStream();
    leb(body, n.length);
    body.writeBytes(n);
    body.writeBytes(content);
    var out = new ByteArrayOutputStream();
    out.writeBytes(wasm);
    out.write(0);
    leb(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    int v = value;
    do {
      int b = v & 0x7F;
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  private static String escape(byte[] bytes) {
    var sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("\\%02x", b & 0xFF));
    }
    return sb.toString();
  }
}
