package io.edgeconf.agent.sandbox;

import io.edgeconf.bridge.module.AbiError;
import java.time.Duration;

/**
 * What one call into a module produced. A module's refusal, trap or timeout is a value: a module
 * can never make the host throw.
 */
public sealed interface RenderOutcome {
  /** A one-line description for answers and logs. */
  String describe();

  /**
   * {@code ec_render} returned an image; {@code ec_check} was then run on it.
   *
   * @param image the image bytes (a copy)
   * @param checkCode {@code ec_check}'s return: 0 when valid
   * @param checkIndex the index {@code ec_check} named, or -1
   */
  record Rendered(byte[] image, int checkCode, int checkIndex) implements RenderOutcome {
    public Rendered {
      image = image.clone();
    }

    @Override
    public byte[] image() {
      return image.clone();
    }

    /** Whether the module's own check accepted the image. */
    public boolean checked() {
      return checkCode == 0;
    }

    @Override
    public String describe() {
      return checked()
          ? "rendered " + image.length + " bytes"
          : "rendered "
              + image.length
              + " bytes that ec_check refused with "
              + checkCode
              + (checkIndex >= 0 ? " (index " + checkIndex + ")" : "");
    }
  }

  /**
   * {@code ec_render} returned a negative error.
   *
   * @param code the raw return value
   * @param error the ABI error, or null when the code is not one of the ABI's
   * @param index the field or require index for indexed errors, else -1
   */
  record Refused(int code, AbiError error, int index) implements RenderOutcome {
    @Override
    public String describe() {
      return "ec_render returned "
          + code
          + (error == null ? " (not an ABI error code)" : " (" + error.meaning() + ")")
          + (index >= 0 ? " at index " + index : "");
    }
  }

  /**
   * The module trapped or broke the ABI (out-of-bounds buffers, oversized output, missing export).
   *
   * @param reason what went wrong
   */
  record Faulted(String reason) implements RenderOutcome {
    @Override
    public String describe() {
      return "module fault: " + reason;
    }
  }

  /**
   * A call ran past its deadline; it was interrupted and its instance discarded.
   *
   * @param deadline the deadline it exceeded
   */
  record TimedOut(Duration deadline) implements RenderOutcome {
    @Override
    public String describe() {
      return "call exceeded its deadline of " + deadline.toMillis() + " ms";
    }
  }
}
