package io.edgeconf.cli;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyId;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeconf keygen NAME}: an Ed25519 key pair for signing modules. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Write an Ed25519 key pair for signing modules: NAME.key (PKCS#8 PEM, mode 0600) and",
      "NAME.pub (copy it into the agents' trust directory). Existing files are not overwritten."
    })
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "path and base name of the key files")
  String name;

  @Override
  public Integer call() {
    Path key = Path.of(name + ".key");
    Path pub = Path.of(name + ".pub");
    for (Path p : new Path[] {key, pub}) {
      if (Files.exists(p)) {
        spec.commandLine()
            .getErr()
            .println("edgeconf keygen: " + p + " exists; not overwriting it");
        return ExitCodes.REFUSED;
      }
    }
    var pair = Ed25519Keys.generate();
    try {
      Ed25519Keys.writePrivateKey(key, pair.getPrivate());
      Ed25519Keys.writePublicKey(pub, pair.getPublic());
    } catch (FileAlreadyExistsException e) {
      spec.commandLine().getErr().println("edgeconf keygen: " + e.getFile() + " exists");
      return ExitCodes.REFUSED;
    } catch (IOException e) {
      spec.commandLine().getErr().println("edgeconf keygen: cannot write " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    var out = spec.commandLine().getOut();
    out.println("key id " + KeyId.of(pair.getPublic()) + ": private " + key + ", public " + pub);
    out.flush();
    return ExitCodes.DONE;
  }
}
