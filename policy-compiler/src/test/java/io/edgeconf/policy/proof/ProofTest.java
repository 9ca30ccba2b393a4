package io.edgeconf.policy.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.descriptor.DeviceSpec;
import io.edgeconf.bridge.module.AbiError;
import io.edgeconf.policy.FrontEndResult;
import io.edgeconf.policy.Policies;
import io.edgeconf.policy.diag.Diagnostic;
import io.edgeconf.policy.diag.PolicyProofException;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.RenderResult;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The proof finds broken ranges and requires with a concrete device, and only those. */
class ProofTest {
  private static final Pattern DEVICE =
      Pattern.compile("a device with (.*?)( gets | hits |\\s*\\(|$)");

  @Test
  void plantedBugIsFoundWithACorrectCounterexample() {
    String src = Policies.resource("planted_bug.policy");
    FrontEndResult r = Policies.compile("planted_bug.policy", src);
    assertEquals(FrontEndResult.Phase.PROOF, r.failedPhase(), r.diagnostics().render());
    List<Diagnostic> errors = r.diagnostics().errors();
    assertEquals(1, errors.size(), r.diagnostics().render());
    Diagnostic e = errors.get(0);
    assertEquals(34, e.line());
    assertTrue(e.message().contains("tag heater"), e.message());
    assertTrue(e.message().contains("temp_low_c=36"), e.message());
    assertThrows(PolicyProofException.class, r::orThrow);

    // The named device really breaks require 0 under the reference semantics.
    CheckedPolicy unproven =
        Policies.ok(
            "fixed.policy",
            src.replace(
                "require temp_low_c < temp_high_c", "require temp_low_c < temp_high_c + 100"));
    DeviceAttributes device = deviceOf(e.message());
    RenderResult.Failure f =
        assertInstanceOf(
            RenderResult.Failure.class,
            Evaluator.render(withOriginalRequires(unproven, src), device));
    assertEquals(AbiError.REQUIRE_FAILED, f.error());
    assertEquals(0, f.index());
  }

  @Test
  void rangeBreakNamesTheDeviceAndTheValue() {
    String src =
        """
        policy rb version 1
        targets esp32, nrf52840
        field temp_low_c : i16 in -40..125 = 120
        when board == nrf52840 and tag("heater") {
          temp_low_c = temp_low_c + 10
        }
        """;
    FrontEndResult r = Policies.compile("rb.policy", src);
    assertEquals(1, r.diagnostics().errors().size(), r.diagnostics().render());
    assertEquals(
        "a device with board=nrf52840, tag heater gets temp_low_c=130, above 125",
        r.diagnostics().errors().get(0).message());
    assertEquals(5, r.diagnostics().errors().get(0).line());
  }

  @Test
  void mutuallyExclusiveRulesDoNotCombine() {
    // Each rule alone is fine; together they would overflow, but zone cannot be both.
    String src =
        """
        policy ex version 1
        field level : u8 in 0..100 = 10
        when zone == "a" { level = level + 60 }
        when zone == "b" { level = level + 60 }
        when zone == "a" and zone == "b" { level = 0 }
        """;
    FrontEndResult r = Policies.compile("ex.policy", src);
    assertTrue(r.ok(), r.diagnostics().render());
    assertEquals(1, r.diagnostics().warnings().size(), r.diagnostics().render());
    assertTrue(r.diagnostics().warnings().get(0).message().contains("never fire"));
  }

  @Test
  void ruleThatChangesNothingIsReported() {
    String src =
        """
        policy nc version 1
        field level : u8 = 10
        when tag("x") { level = 10 }
        """;
    FrontEndResult r = Policies.compile("nc.policy", src);
    assertTrue(r.ok());
    assertTrue(r.diagnostics().warnings().get(0).message().contains("changes nothing"));
  }

  @Test
  void fwOrderIsDecidedExactly() {
    String src =
        """
        policy fw version 1
        field level : u8 in 0..100 = 50
        when fw >= "2.0.0" { level = level + 30 }
        when fw > "1.9.9" and fw < "2.0.1" { level = level + 30 }
        """;
    FrontEndResult r = Policies.compile("fw.policy", src);
    assertEquals(1, r.diagnostics().errors().size(), r.diagnostics().render());
    String msg = r.diagnostics().errors().get(0).message();
    assertTrue(msg.contains("fw=2.0.0") && msg.contains("level=110"), msg);
  }

  @Test
  void numDependentValuesWarnInsteadOfFailing() {
    String src =
        """
        policy n version 1
        field level : u8 in 0..100 = 50
        field safe : u8 in 0..100 = 50
        when tag("x") { level = num("lvl", 5) }
        when tag("y") { safe = clamp(num("lvl", 5), 0, 100) }
        """;
    FrontEndResult r = Policies.compile("n.policy", src);
    assertTrue(r.ok(), r.diagnostics().render());
    assertEquals(1, r.diagnostics().warnings().size(), r.diagnostics().render());
    assertTrue(r.diagnostics().warnings().get(0).message().contains("num(\"lvl\", 5)"));
  }

  @Test
  void constantArithmeticErrorOnAPathIsAnError() {
    String src =
        """
        policy d version 1
        field a : i32 = 0
        field b : i32 = 10
        when tag("z") { a = 0 }
        when tag("q") { b = b / a }
        """;
    FrontEndResult r = Policies.compile("d.policy", src);
    assertFalse(r.ok());
    assertTrue(
        r.diagnostics().errors().get(0).message().contains("division by zero"),
        r.diagnostics().render());
  }

  /** The planted policy's requires on a policy that compiled (so the evaluator can run it). */
  private static CheckedPolicy withOriginalRequires(CheckedPolicy compiled, String src) {
    return new CheckedPolicy(
        compiled.name(),
        compiled.version(),
        compiled.targets(),
        compiled.schema(),
        compiled.fields(),
        compiled.rules(),
        Policies.ok("req.policy", src.replace("= 31", "= 5")).requires(),
        compiled.rollout(),
        compiled.sourceSha256());
  }

  /** Parses "a device with board=esp32, tag heater, attr room=x" into device attributes. */
  static DeviceAttributes deviceOf(String message) {
    Matcher m = DEVICE.matcher(message);
    assertTrue(m.find(), message);
    StringBuilder spec = new StringBuilder("id=probe-1");
    for (String part : m.group(1).split(", ")) {
      spec.append(',');
      if (part.startsWith("tag ")) {
        spec.append("tag=").append(part.substring(4));
      } else if (part.startsWith("attr ")) {
        spec.append("attr.").append(part.substring(5));
      } else {
        spec.append(part);
      }
    }
    return DeviceSpec.parse(spec.toString());
  }
}
