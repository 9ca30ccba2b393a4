package io.edgeconf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.module.KeyFormatException;
import io.edgeconf.bridge.module.ModuleFormatException;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.ModuleSignatureVerifier;
import io.edgeconf.bridge.module.TrustedKeys;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.policy.codegen.ModuleSizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeconf inspect}: what a module says about itself, its sizes and its signature. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Show a module's metadata, fields, requires, rollout, self-tests, size by section and"
            + " signature.")
final class InspectCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE", description = "the .wasm module")
  Path module;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Option(
      names = "--trust-dir",
      paramLabel = "DIR",
      description = "verify the signature against the *.pub keys of DIR")
  Path trustDir;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    TrustedKeys trusted = TrustedKeys.none();
    try {
      bytes = Files.readAllBytes(module);
      if (trustDir != null) {
        trusted = TrustedKeys.load(trustDir);
      }
    } catch (IOException e) {
      err.println("edgeconf inspect: cannot read " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    } catch (KeyFormatException e) {
      err.println("edgeconf inspect: " + e.getMessage());
      return ExitCodes.REFUSED;
    }
    ModuleMetadata meta;
    ModuleSizes sizes;
    try {
      sizes = ModuleSizes.of(bytes);
      meta =
          ModuleMetadata.parse(
              WasmSections.parse(bytes)
                  .customContent(ModuleMetadata.SECTION)
                  .orElseThrow(() -> new ModuleFormatException("no edgeconf.meta section")));
    } catch (ModuleFormatException e) {
      err.println("edgeconf inspect: " + module + ": " + e.getMessage());
      return ExitCodes.REFUSED;
    }
    var sig = ModuleSignatureVerifier.verify(bytes, trusted);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(meta, sizes, sig));
    } else {
      text(out, meta, sizes, sig);
    }
    out.flush();
    return ExitCodes.DONE;
  }

  private String json(ModuleMetadata meta, ModuleSizes sizes, ModuleSignatureVerifier.Result sig) {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("module", module.toString());
      root.set("metadata", JSON.readTree(meta.toJson()));
      ObjectNode size = root.putObject("size");
      size.put("total", sizes.total()).put("code_and_data", sizes.codeAndData());
      ObjectNode bySection = size.putObject("sections");
      sizes.sections().forEach(s -> bySection.put(s.name(), s.bytes()));
      ObjectNode s = root.putObject("signature");
      s.put("status", signatureStatus(sig));
      sig.keyId().ifPresent(id -> s.put("key_id", id.hex()));
      s.put("verified", sig.isValid());
      s.put("detail", sig.detail());
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private String signatureStatus(ModuleSignatureVerifier.Result sig) {
    return switch (sig.status()) {
      case VALID -> "valid";
      case UNSIGNED -> "unsigned";
      case UNKNOWN_KEY -> trustDir == null ? "signed" : "untrusted_key";
      case BAD_SIGNATURE -> "bad_signature";
      case MALFORMED -> "malformed";
      case NOT_LAST -> "not_last";
    };
  }

  private void text(
      PrintWriter out, ModuleMetadata meta, ModuleSizes sizes, ModuleSignatureVerifier.Result sig) {
    out.printf(
        "%s: policy %s version %d (abi %d)%n", module, meta.policy(), meta.version(), meta.abi());
    out.printf(
        "  policy id %d (0x%08x), schema hash %d (0x%08x), image %d bytes%n",
        meta.policyId(), meta.policyId(), meta.schemaHash(), meta.schemaHash(), meta.imageSize());
    out.println("  targets: " + String.join(", ", meta.targets()));
    out.println("fields:");
    for (var f : meta.fields()) {
      String range =
          f.type().startsWith("text") || f.type().equals("bool") ? "" : f.min() + ".." + f.max();
      out.printf(
          "  %-18s %-22s @%-3d %-14s default %s%s%n",
          f.name(),
          f.type(),
          f.offset(),
          range,
          f.defaultValue(),
          f.doc().isEmpty() ? "" : "  # " + f.doc().replace('\n', ' '));
    }
    out.println("requires:" + (meta.requires().isEmpty() ? " none" : ""));
    for (int i = 0; i < meta.requires().size(); i++) {
      var r = meta.requires().get(i);
      out.printf("  [%d] %s : %s%n", i, r.expr(), r.message());
    }
    var ro = meta.rollout();
    out.printf(
        "rollout: canary %s%%, max failures %s%%, health window %d ms, batch %s%n",
        num(ro.canaryPct()),
        num(ro.maxFailuresPct()),
        ro.healthWindowMs(),
        ro.batch() == 0 ? "all at once" : String.valueOf(ro.batch()));
    long errors = meta.selftest().stream().filter(t -> t.sha256().isEmpty()).count();
    out.printf(
        "self-tests: %d (%d images, %d errors)%n",
        meta.selftest().size(), meta.selftest().size() - errors, errors);
    out.printf("size: %s (code+data %d)%n", sizes.summary(), sizes.codeAndData());
    String who = sig.keyId().map(id -> ", key id " + id).orElse("");
    out.println(
        "signature: "
            + switch (sig.status()) {
              case VALID -> "Ed25519" + who + ", valid for a trusted key";
              case UNKNOWN_KEY ->
                  "Ed25519"
                      + who
                      + (trustDir == null
                          ? " (not verified: give --trust-dir)"
                          : ", NOT a trusted key");
              case UNSIGNED -> "none (unsigned)";
              default -> "INVALID: " + sig.detail();
            });
    out.println("compiler: " + meta.compiler() + ", source sha256 " + meta.sourceSha256());
  }

  private static String num(double pct) {
    return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
  }
}
