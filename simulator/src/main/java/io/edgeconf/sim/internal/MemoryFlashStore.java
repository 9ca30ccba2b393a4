package io.edgeconf.sim.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Flash that lives as long as the simulator process. */
public final class MemoryFlashStore implements FlashStore {
  private final Map<Slot, byte[]> slots = new EnumMap<>(Slot.class);
  private FlashMeta meta = FlashMeta.blank();

  @Override
  public Contents load() {
    Map<Slot, byte[]> copy = new EnumMap<>(Slot.class);
    slots.forEach((slot, bytes) -> copy.put(slot, bytes.clone()));
    return new Contents(meta, copy);
  }

  @Override
  public void writeSlot(Slot slot, byte[] image) {
    slots.put(slot, image.clone());
  }

  @Override
  public void writeTorn(Slot slot, byte[] image) {
    slots.put(slot, Arrays.copyOf(image, image.length / 2));
  }

  @Override
  public void writeMeta(FlashMeta newMeta) {
    this.meta = newMeta;
  }
}
