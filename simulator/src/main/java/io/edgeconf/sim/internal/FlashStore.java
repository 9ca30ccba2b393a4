package io.edgeconf.sim.internal;

import java.io.IOException;
import java.util.Map;

/**
 * Where a board's flash lives: in memory, or files in the state directory. Implementations need not
 * be thread-safe; {@link Flash} serialises calls.
 */
public interface FlashStore {
  /** The meta record (blank when none was written) and the bytes of each slot written so far. */
  Contents load() throws IOException;

  /** Writes a slot completely, so that it is either the old bytes or the new ones. */
  void writeSlot(Slot slot, byte[] image) throws IOException;

  /** Writes only the first half of the image over the slot, as a power cut mid-write would. */
  void writeTorn(Slot slot, byte[] image) throws IOException;

  /** Replaces the meta record atomically. */
  void writeMeta(FlashMeta meta) throws IOException;

  /**
   * What a store holds.
   *
   * @param meta the meta record
   * @param slots the bytes of each written slot
   */
  record Contents(FlashMeta meta, Map<Slot, byte[]> slots) {
    public Contents {
      meta = meta == null ? FlashMeta.blank() : meta;
      slots = Map.copyOf(slots);
    }
  }
}
