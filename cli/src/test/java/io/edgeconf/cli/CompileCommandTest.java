package io.edgeconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleSignatureVerifier;
import io.edgeconf.bridge.module.TrustedKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile, keygen, sign and inspect, run in-process on temporary files. */
class CompileCommandTest {
  private static final Path GREENHOUSE = Path.of("..", "examples", "greenhouse.policy");

  /** Exit status, standard output and standard error of one run. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int status = cmd.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void keygenCompileSignedInspect(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("greenhouse.policy");
    Files.copy(GREENHOUSE, policy);
    String ops = dir.resolve("ops").toString();

    Run keygen = run("keygen", ops);
    assertEquals(0, keygen.status(), keygen.err());
    assertTrue(keygen.out().startsWith("key id "), keygen.out());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ops.key"))));
    assertEquals(1, run("keygen", ops).status(), "keygen must not overwrite keys");

    Path header = dir.resolve("greenhouse_config.h");
    Run compile =
        run(
            "compile",
            policy.toString(),
            "--sign-key",
            ops + ".key",
            "--c-header",
            header.toString());
    assertEquals(0, compile.status(), compile.err());
    Path module = dir.resolve("greenhouse.wasm");
    assertTrue(Files.exists(module), compile.out());
    assertTrue(compile.out().contains("greenhouse version 7 -> "), compile.out());
    assertTrue(compile.out().contains("8 fields, image 54 bytes"), compile.out());
    assertTrue(compile.out().contains("signed, key id "), compile.out());
    assertTrue(Files.readString(header).contains("greenhouse_config_decode"));

    TrustedKeys trusted =
        TrustedKeys.of(List.of(Ed25519Keys.readPublicKey(dir.resolve("ops.pub"))));
    assertTrue(ModuleSignatureVerifier.verify(Files.readAllBytes(module), trusted).isValid());

    Run inspect = run("inspect", module.toString(), "--trust-dir", dir.toString());
    assertEquals(0, inspect.status(), inspect.err());
    assertTrue(inspect.out().contains("policy greenhouse version 7"), inspect.out());
    assertTrue(inspect.out().contains("valid for a trusted key"), inspect.out());
    assertTrue(inspect.out().contains("sample_interval"), inspect.out());

    Run json = run("inspect", module.toString(), "--json");
    assertEquals(0, json.status(), json.err());
    var tree = new ObjectMapper().readTree(json.out());
    assertEquals("greenhouse", tree.path("metadata").path("policy").asText());
    assertEquals("signed", tree.path("signature").path("status").asText());
    assertTrue(tree.path("size").path("code_and_data").asInt() <= 1146);
  }

  @Test
  void signReplacesTheSignature(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("greenhouse.policy");
    Files.copy(GREENHOUSE, policy);
    Path out = dir.resolve("gh.wasm");
    assertEquals(0, run("compile", policy.toString(), "-o", out.toString()).status());
    assertTrue(run("inspect", out.toString()).out().contains("none (unsigned)"));
    assertEquals(0, run("keygen", dir.resolve("a").toString()).status());
    assertEquals(0, run("keygen", dir.resolve("b").toString()).status());
    Path signed = dir.resolve("signed.wasm");
    Run sign =
        run(
            "sign",
            out.toString(),
            "--key",
            dir.resolve("a.key").toString(),
            "-o",
            signed.toString());
    assertEquals(0, sign.status(), sign.err());
    assertEquals(
        0, run("sign", signed.toString(), "--key", dir.resolve("b.key").toString()).status());
    byte[] bytes = Files.readAllBytes(signed);
    var b = TrustedKeys.of(List.of(Ed25519Keys.readPublicKey(dir.resolve("b.pub"))));
    var a = TrustedKeys.of(List.of(Ed25519Keys.readPublicKey(dir.resolve("a.pub"))));
    assertTrue(ModuleSignatureVerifier.verify(bytes, b).isValid());
    assertFalse(ModuleSignatureVerifier.verify(bytes, a).isValid());
    assertEquals(Files.size(out) + 88, bytes.length);
  }

  @Test
  void errorsAndExitStatuses(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.policy");
    Files.writeString(bad, "policy broken version 1\nfield x : u8 = 300\n");
    Run refused = run("compile", bad.toString());
    assertEquals(ExitCodes.REFUSED, refused.status());
    assertTrue(refused.err().contains("bad.policy:2:"), refused.err());
    assertFalse(Files.exists(dir.resolve("broken.wasm")));

    assertEquals(
        ExitCodes.CANNOT_RUN, run("compile", dir.resolve("missing.policy").toString()).status());
    assertEquals(ExitCodes.USAGE, run("compile").status());
    assertEquals(ExitCodes.USAGE, run("sign", "x.wasm").status());

    Path junk = dir.resolve("junk.wasm");
    Files.write(junk, new byte[] {1, 2, 3});
    assertEquals(ExitCodes.REFUSED, run("inspect", junk.toString()).status());
    assertEquals(0, run("keygen", dir.resolve("k").toString()).status());
    assertEquals(
        ExitCodes.REFUSED,
        run("sign", junk.toString(), "--key", dir.resolve("k.key").toString()).status());
    assertEquals(
        ExitCodes.REFUSED,
        run("sign", junk.toString(), "--key", dir.resolve("k.pub").toString()).status());
  }
}
