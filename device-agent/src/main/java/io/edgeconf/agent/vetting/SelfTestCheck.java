package io.edgeconf.agent.vetting;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.schema.Sha256;

/** Check 6 of module-abi.md: the compiler's self-test vectors reproduce exactly. */
final class SelfTestCheck {
  private SelfTestCheck() {}

  static void run(Sandbox sandbox, ModuleProgram program, ModuleMetadata meta)
      throws InterruptedException {
    if (meta.selftest().isEmpty()) {
      throw new ModuleRejectedException(
          ErrorCode.SELFTEST, "the module carries no self-test vector");
    }
    int n = 0;
    for (ModuleMetadata.SelfTest vector : meta.selftest()) {
      String which = "vector " + n++ + " (device " + vector.device().id() + ")";
      RenderOutcome outcome = sandbox.render(program, vector.device());
      if (outcome instanceof RenderOutcome.TimedOut t) {
        throw new ModuleRejectedException(ErrorCode.TIMEOUT, which + ": " + t.describe());
      }
      if (vector.sha256().isPresent()) {
        String expected = vector.sha256().get();
        if (!(outcome instanceof RenderOutcome.Rendered r)) {
          throw differs(which, "an image with SHA-256 " + expected, outcome.describe());
        }
        String actual = Sha256.hex(r.image());
        if (!actual.equalsIgnoreCase(expected)) {
          throw differs(which, "SHA-256 " + expected, "SHA-256 " + actual);
        }
        if (!r.checked()) {
          throw differs(which, "an image that ec_check accepts", r.describe());
        }
      } else {
        String expected = "error " + vector.error() + " at index " + vector.index();
        if (!(outcome instanceof RenderOutcome.Refused refused)) {
          throw differs(which, expected, outcome.describe());
        }
        boolean indexMatters = refused.error() != null && refused.error().indexed();
        if (refused.code() != vector.error()
            || (indexMatters && refused.index() != vector.index())) {
          throw differs(which, expected, refused.describe());
        }
      }
    }
  }

  private static ModuleRejectedException differs(String which, String expected, String actual) {
    return new ModuleRejectedException(
        ErrorCode.SELFTEST, which + ": expected " + expected + ", got " + actual);
  }
}
