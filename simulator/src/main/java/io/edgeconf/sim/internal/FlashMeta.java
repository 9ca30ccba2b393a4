package io.edgeconf.sim.internal;

import io.edgeconf.bridge.image.FirmwareBinding;
import java.util.Optional;

/**
 * The small record a board keeps beside its slots: which slot runs, the boot counter, and the
 * policy it bound itself to.
 *
 * @param active the running slot, empty when none holds an image yet
 * @param boot the boot counter
 * @param binding the policy id and schema hash it bound to, empty while unbound
 */
public record FlashMeta(Optional<Slot> active, long boot, Optional<FirmwareBinding> binding) {
  public FlashMeta {
    active = active == null ? Optional.empty() : active;
    binding = binding == null ? Optional.empty() : binding;
    if (boot < 0) {
      throw new IllegalArgumentException("boot counter " + boot + " is negative");
    }
  }

  /** A board that never booted. */
  public static FlashMeta blank() {
    return new FlashMeta(Optional.empty(), 0, Optional.empty());
  }

  public FlashMeta withActive(Optional<Slot> slot) {
    return new FlashMeta(slot, boot, binding);
  }

  public FlashMeta withBoot(long count) {
    return new FlashMeta(active, count, binding);
  }

  public FlashMeta withBinding(FirmwareBinding b) {
    return new FlashMeta(active, boot, Optional.of(b));
  }
}
