package io.edgeconf.security;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.ModuleSigner;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.policy.Compilation;
import io.edgeconf.policy.ModuleCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/** Real modules for the security suites: example policies compiled by the real compiler. */
final class Modules {
  private Modules() {}

  static final Path EXAMPLES = Path.of("..", "examples");

  /** The source of an example policy, with its version line set to {@code version}. */
  static String source(String policy, long version) {
    try {
      String src = Files.readString(EXAMPLES.resolve(policy + ".policy"));
      return src.replaceFirst(
          "(?m)^policy\\s+(\\S+)\\s+version\\s+\\d+", "policy $1 version " + version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles an example policy at a version, signed with {@code key} (null: unsigned). */
  static Compilation.Output compile(String policy, long version, PrivateKey key) {
    return compileSource(policy, source(policy, version), key);
  }

  static Compilation.Output compileSource(String policy, String source, PrivateKey key) {
    Compilation c = ModuleCompiler.compile(policy + ".policy", source, key);
    if (!c.ok()) {
      throw new IllegalStateException(policy + " does not compile: " + c.frontEnd());
    }
    return c.output().orElseThrow();
  }

  /** The raw {@code edgeconf.meta} bytes of a module. */
  static byte[] meta(byte[] module) {
    return WasmSections.parse(module).customContent(ModuleMetadata.SECTION).orElseThrow();
  }

  /** Assembles WAT, appends {@code meta} as {@code edgeconf.meta} and signs with {@code key}. */
  static byte[] assemble(String wat, byte[] meta, PrivateKey key) {
    byte[] wasm = Wat2Wasm.parse(wat);
    byte[] withMeta = meta == null ? wasm : appendCustom(wasm, ModuleMetadata.SECTION, meta);
    return key == null ? withMeta : ModuleSigner.sign(withMeta, key);
  }

  /** Appends a custom section. */
  static byte[] appendCustom(byte[] wasm, String name, byte[] content) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    var body = new ByteArrayOutputStream();
    Wasm.leb(body, n.length);
    body.writeBytes(n);
    body.writeBytes(content);
    var out = new ByteArrayOutputStream();
    out.writeBytes(wasm);
    out.write(0);
    Wasm.leb(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** Signs when the sections can be read; otherwise returns the bytes as they are. */
  static byte[] trySign(byte[] module, PrivateKey key) {
    try {
      return ModuleSigner.sign(module, key);
    } catch (RuntimeException e) {
      return module;
    }
  }
}
