package io.edgeconf.sim.internal;

import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.wire.WireFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board's simulated flash: two slots, which one runs, the boot counter and the binding, as an
 * MCUboot-style bootloader keeps them. A new image goes to the inactive slot and becomes active
 * only after it is written completely; at boot a slot whose CRC does not hold is reported torn and
 * never run. Thread-safe.
 */
public final class Flash {
  private final FlashStore store;
  private final Map<Slot, byte[]> slots = new EnumMap<>(Slot.class);
  private FlashMeta meta = FlashMeta.blank();

  public Flash(FlashStore store) {
    this.store = store;
  }

  /**
   * What a boot found.
   *
   * @param active the slot that runs, empty when none holds a valid image
   * @param torn slots whose bytes fail the image check (a write cut short)
   * @param boot the boot counter after this boot
   */
  public record BootReport(Optional<Slot> active, List<Slot> torn, long boot) {
    public BootReport {
      torn = List.copyOf(torn);
    }
  }

  /** Reads the store, checks both slots, increments the boot counter and persists it. */
  public synchronized BootReport boot() throws IOException {
    FlashStore.Contents contents;
    try {
      contents = store.load();
    } catch (IOException | RuntimeException e) {
      // An unreadable meta record: start over from whatever valid slot there is.
      contents = new FlashStore.Contents(FlashMeta.blank(), Map.of());
    }
    slots.clear();
    slots.putAll(contents.slots());
    List<Slot> torn = new ArrayList<>();
    for (Slot s : Slot.values()) {
      if (slots.containsKey(s) && !valid(slots.get(s))) {
        torn.add(s);
      }
    }
    Optional<Slot> active = contents.meta().active().filter(s -> valid(slots.get(s)));
    if (active.isEmpty()) {
      active = contents.meta().active().map(Slot::other).filter(s -> valid(slots.get(s)));
    }
    meta = contents.meta().withActive(active).withBoot(contents.meta().boot() + 1);
    store.writeMeta(meta);
    return new BootReport(active, torn, meta.boot());
  }

  private static boolean valid(byte[] image) {
    if (image == null) {
      return false;
    }
    try {
      ImageCodec.decode(image);
      return true;
    } catch (WireFormatException e) {
      return false;
    }
  }

  public synchronized Optional<Slot> activeSlot() {
    return meta.active();
  }

  /** The running image's bytes. */
  public synchronized Optional<byte[]> activeImage() {
    return meta.active().map(s -> slots.get(s).clone());
  }

  public synchronized long bootCount() {
    return meta.boot();
  }

  public synchronized Optional<FirmwareBinding> binding() {
    return meta.binding();
  }

  /** The slot the next image goes to. */
  public synchronized Slot inactiveSlot() {
    return meta.active().map(Slot::other).orElse(Slot.A);
  }

  /** Writes the image to the inactive slot, then makes that slot active. */
  public synchronized Slot write(byte[] image) throws IOException {
    Slot target = inactiveSlot();
    store.writeSlot(target, image);
    slots.put(target, image.clone());
    FlashMeta next = meta.withActive(Optional.of(target));
    store.writeMeta(next);
    meta = next;
    return target;
  }

  /** Writes half the image over the inactive slot and stops, as a power cut would. */
  public synchronized void writeTorn(byte[] image) throws IOException {
    Slot target = inactiveSlot();
    store.writeTorn(target, image);
  }

  /**
   * Goes back to the other slot when it holds a valid image, else to no image.
   *
   * @return the image that ran before the revert
   */
  public synchronized Optional<byte[]> revert() throws IOException {
    Optional<byte[]> before = activeImage();
    Optional<Slot> back = meta.active().map(Slot::other).filter(s -> valid(slots.get(s)));
    FlashMeta next = meta.withActive(back);
    store.writeMeta(next);
    meta = next;
    return before;
  }

  /** Binds the board to a policy, persistently. */
  public synchronized void bind(FirmwareBinding binding) throws IOException {
    FlashMeta next = meta.withBinding(binding);
    store.writeMeta(next);
    meta = next;
  }
}
