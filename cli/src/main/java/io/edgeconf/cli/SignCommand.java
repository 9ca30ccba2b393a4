package io.edgeconf.cli;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyFormatException;
import io.edgeconf.bridge.module.KeyId;
import io.edgeconf.bridge.module.ModuleFormatException;
import io.edgeconf.bridge.module.ModuleSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeconf sign}: append or replace a module's {@code edgeconf.sig} section. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Sign a module: append (or replace) its edgeconf.sig section.")
final class SignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE", description = "the .wasm module")
  Path module;

  @Option(names = "--key", required = true, paramLabel = "KEY", description = "Ed25519 private key")
  Path key;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "where to write the signed module (default: MODULE itself)")
  Path output;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    byte[] signed;
    KeyId id;
    try {
      var privateKey = Ed25519Keys.readPrivateKey(key);
      signed = ModuleSigner.sign(Files.readAllBytes(module), privateKey);
      id = KeyId.of(Ed25519Keys.publicKeyOf(privateKey));
    } catch (IOException e) {
      err.println("edgeconf sign: cannot read " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    } catch (KeyFormatException | ModuleFormatException e) {
      err.println("edgeconf sign: " + e.getMessage());
      return ExitCodes.REFUSED;
    }
    Path target = output != null ? output : module;
    try {
      Files.write(target, signed);
    } catch (IOException e) {
      err.println("edgeconf sign: cannot write " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    spec.commandLine().getOut().println("signed " + target + " with key id " + id);
    spec.commandLine().getOut().flush();
    return ExitCodes.DONE;
  }
}
