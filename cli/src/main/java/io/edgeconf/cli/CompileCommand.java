package io.edgeconf.cli;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyFormatException;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.CodegenException;
import io.edgeconf.policy.Compilation;
import io.edgeconf.policy.ModuleCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeconf compile}: policy to (signed) module, and optionally the C header. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compile a policy into a config module (and a C header for board firmware).")
final class CompileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "the .policy file")
  Path policy;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "MODULE",
      description = "where to write the module (default: NAME.wasm beside the policy)")
  Path output;

  @Option(names = "--c-header", paramLabel = "FILE", description = "also write the C99 header")
  Path cHeader;

  @Option(names = "--sign-key", paramLabel = "KEY", description = "sign with this Ed25519 key")
  Path signKey;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] source;
    PrivateKey key = null;
    try {
      source = Files.readAllBytes(policy);
      if (signKey != null) {
        key = Ed25519Keys.readPrivateKey(signKey);
      }
    } catch (IOException e) {
      err.println("edgeconf compile: cannot read " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    } catch (KeyFormatException e) {
      err.println("edgeconf compile: " + e.getMessage());
      return ExitCodes.REFUSED;
    }
    Compilation result;
    try {
      result = ModuleCompiler.compile(policy.getFileName().toString(), source, key);
    } catch (CodegenException e) {
      err.println("edgeconf compile: internal compiler error: " + e.getMessage());
      return ExitCodes.REFUSED;
    }
    var diagnostics = result.frontEnd().diagnostics();
    if (!diagnostics.items().isEmpty()) {
      err.print(diagnostics.render());
      err.flush();
    }
    if (!result.ok()) {
      err.println("edgeconf compile: " + diagnostics.summary());
      return ExitCodes.REFUSED;
    }
    Compilation.Output module = result.output().orElseThrow();
    ModuleMetadata meta = module.metadata();
    Path target = output != null ? output : sibling(policy, meta.policy() + ".wasm");
    try {
      Files.write(target, module.module());
      if (cHeader != null) {
        Files.writeString(cHeader, module.cHeader());
      }
    } catch (IOException e) {
      err.println("edgeconf compile: cannot write " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    report(out, module, meta, target, diagnostics.warnings().size());
    return ExitCodes.DONE;
  }

  private void report(
      PrintWriter out, Compilation.Output module, ModuleMetadata meta, Path target, int warnings) {
    var sizes = module.sizes();
    out.printf(
        "%s version %d -> %s: %d bytes (code+data %d, metadata %d)%n",
        meta.policy(),
        meta.version(),
        target,
        sizes.total(),
        sizes.codeAndData(),
        sizes.of("custom:" + ModuleMetadata.SECTION));
    out.printf(
        "  %d fields, image %d bytes: %s%n",
        meta.fields().size(),
        meta.imageSize(),
        meta.fields().stream()
            .map(f -> f.name() + " " + f.type())
            .collect(Collectors.joining(", ")));
    out.printf(
        "  targets %s; %d requires; %d self-tests%n",
        String.join(", ", meta.targets()), meta.requires().size(), meta.selftest().size());
    out.println(
        module
            .signedBy()
            .map(id -> "  signed, key id " + id)
            .orElse("  unsigned (use --sign-key)"));
    if (cHeader != null) {
      out.println("  C header -> " + cHeader);
    }
    if (warnings > 0) {
      out.println("  " + warnings + (warnings == 1 ? " warning" : " warnings") + " (see above)");
    }
    out.flush();
  }

  private static Path sibling(Path file, String name) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(name) : parent.resolve(name);
  }
}
