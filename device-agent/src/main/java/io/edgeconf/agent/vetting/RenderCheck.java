package io.edgeconf.agent.vetting;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.ImageRejectedException;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check 7 of module-abi.md: every served board renders an image within its capacity that the
 * module's {@code ec_check} accepts and that a board built for this policy would accept. A refusal
 * names every board that fails (up to {@link #NAMED}), so the operator fixes them in one go; a
 * render that runs out of time stops the check at once (each costs a whole deadline).
 */
final class RenderCheck {
  /** Failing boards named in a refusal; the rest are counted. */
  static final int NAMED = 10;

  private RenderCheck() {}

  /** Renders every target; returns the images by device id. */
  static Map<String, byte[]> run(
      Sandbox sandbox, ModuleProgram program, ModuleMetadata meta, List<RenderTarget> targets)
      throws InterruptedException {
    FirmwareBinding binding = new FirmwareBinding(meta.policyId(), meta.schemaHash());
    Map<String, byte[]> images = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (RenderTarget target : targets) {
      try {
        images.put(target.device().id(), renderOne(sandbox, program, meta, binding, target));
      } catch (ModuleRejectedException e) {
        if (e.code() == ErrorCode.TIMEOUT) {
          throw e;
        }
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw render(summary(failures, targets.size()));
    }
    return images;
  }

  private static String summary(List<String> failures, int boards) {
    if (failures.size() == 1) {
      return failures.get(0);
    }
    String named = String.join("; ", failures.subList(0, Math.min(NAMED, failures.size())));
    String more = failures.size() > NAMED ? "; and " + (failures.size() - NAMED) + " more" : "";
    return failures.size() + " of " + boards + " boards fail: " + named + more;
  }

  private static byte[] renderOne(
      Sandbox sandbox,
      ModuleProgram program,
      ModuleMetadata meta,
      FirmwareBinding binding,
      RenderTarget target)
      throws InterruptedException {
    String which = "device " + target.device().id() + " (" + target.device().board() + ")";
    if (!meta.targets().contains(target.device().board())) {
      throw render(
          which
              + " names policy "
              + meta.policy()
              + ", whose targets "
              + meta.targets()
              + " do not include its board");
    }
    RenderOutcome outcome = sandbox.render(program, target.device());
    switch (outcome) {
      case RenderOutcome.TimedOut t ->
          throw new ModuleRejectedException(ErrorCode.TIMEOUT, which + ": " + t.describe());
      case RenderOutcome.Rendered r -> {
        byte[] image = r.image();
        if (!r.checked()) {
          throw render(which + ": " + r.describe());
        }
        try {
          var decoded = ImageCodec.verify(image, target.capacity(), binding);
          if (decoded.version() != meta.version()) {
            throw render(
                which
                    + ": the image carries version "
                    + decoded.version()
                    + ", not "
                    + meta.version());
          }
        } catch (ImageRejectedException e) {
          throw render(which + ": the board would refuse the image: " + e.getMessage());
        }
        return image;
      }
      default -> throw render(which + ": " + outcome.describe());
    }
  }

  private static ModuleRejectedException render(String message) {
    return new ModuleRejectedException(ErrorCode.RENDER, message);
  }
}
