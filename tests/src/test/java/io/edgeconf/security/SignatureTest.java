package io.edgeconf.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleSigner;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 9, hostile modules (d): signatures, downgrades and unsigned modules. */
class SignatureTest {
  static final KeyPair KEY = Ed25519Keys.generate();
  static Vetting strict;
  static Vetting lax;
  static byte[] v7;

  @BeforeAll
  static void setUp() {
    strict = new Vetting(KEY, false);
    lax = new Vetting(KEY, true);
    v7 = Modules.compile("greenhouse", 7, KEY.getPrivate()).module();
  }

  @AfterAll
  static void tearDown() {
    strict.close();
    lax.close();
  }

  static ErrorCode refusal(Vetting vetting, byte[] module, VettingContext context) {
    var v = vetting.vet(module, context);
    assertTrue(v.code() != null, "expected a refusal, got " + v.describe());
    return v.code();
  }

  @Test
  void theUntouchedModuleIsAccepted() {
    assertTrue(strict.vet(v7, VettingContext.empty()).accepted() != null);
  }

  @Test
  void everySingleByteFlipIsRefused() {
    Map<String, Integer> histogram = new HashMap<>();
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < v7.length; i++) {
      byte[] flipped = v7.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      var v = strict.vet(flipped, VettingContext.empty());
      histogram.merge(v.describe(), 1, Integer::sum);
      if (v.code() == null) {
        accepted.add("offset " + i + ": " + v.describe());
      }
    }
    System.out.println("single-byte flips of a " + v7.length + "-byte signed module:");
    System.out.print(Vetting.histogram(histogram));
    assertTrue(accepted.isEmpty(), String.join("\n", accepted));
  }

  @Test
  void aValidSignatureOfAnUntrustedKeyIsRefused() {
    byte[] foreign = Modules.compile("greenhouse", 7, Ed25519Keys.generate().getPrivate()).module();
    assertEquals(ErrorCode.SIGNATURE, refusal(strict, foreign, VettingContext.empty()));
    // A trusted key id in front of another key's signature.
    byte[] forged = foreign.clone();
    byte[] ours = Arrays.copyOfRange(v7, v7.length - 72, v7.length - 64);
    System.arraycopy(ours, 0, forged, forged.length - 72, 8);
    assertEquals(ErrorCode.SIGNATURE, refusal(strict, forged, VettingContext.empty()));
    // Even with allow-unsigned, a signature that does not verify is refused.
    byte[] tampered = v7.clone();
    tampered[tampered.length - 1] ^= 1;
    assertEquals(ErrorCode.SIGNATURE, refusal(lax, tampered, VettingContext.empty()));
  }

  @Test
  void downgradesAreRefused() {
    byte[] v6 = Modules.compile("greenhouse", 6, KEY.getPrivate()).module();
    byte[] v8 = Modules.compile("greenhouse", 8, KEY.getPrivate()).module();
    assertEquals(ErrorCode.DOWNGRADE, refusal(strict, v6, Vetting.context(7, 7, List.of())));
    assertEquals(ErrorCode.DOWNGRADE, refusal(strict, v7, Vetting.context(7, 7, List.of())));
    // Rolled back to 6 after 9 was seen: 8 is still a downgrade.
    assertEquals(ErrorCode.DOWNGRADE, refusal(strict, v8, Vetting.context(6, 9, List.of())));
    assertTrue(strict.vet(v8, Vetting.context(7, 7, List.of())).accepted() != null);
  }

  @Test
  void theSameVersionWithDifferentBytesIsRefused() {
    String source = Modules.source("greenhouse", 7);
    String changed = source + "\n# a comment changes the source hash\n";
    byte[] other = Modules.compileSource("greenhouse", changed, KEY.getPrivate()).module();
    assertNotEquals(Arrays.toString(v7), Arrays.toString(other));
    assertEquals(ErrorCode.DOWNGRADE, refusal(strict, other, Vetting.context(7, 7, List.of())));
  }

  @Test
  void anUnsignedModuleIsRefusedUnlessAllowUnsigned() {
    byte[] unsigned = ModuleSigner.unsigned(v7);
    assertEquals(ErrorCode.SIGNATURE, refusal(strict, unsigned, VettingContext.empty()));
    var v = lax.vet(unsigned, VettingContext.empty());
    assertTrue(v.accepted() != null, v.describe());
    assertTrue(v.accepted().signer().isEmpty());
  }
}
