package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.ImageRejectedException;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.sim.internal.Firmware;
import io.edgeconf.sim.internal.Flash;
import io.edgeconf.sim.internal.MemoryFlashStore;
import io.edgeconf.sim.internal.Slot;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The apply life cycle of a board's firmware, without a transport. */
class FirmwareTest {
  private static Firmware firmware(String board, Optional<FirmwareModule> module) throws Exception {
    Firmware f =
        new Firmware(
            BoardCatalogue.require(board),
            new Flash(new MemoryFlashStore()),
            module,
            InstantSource.system());
    f.boot();
    return f;
  }

  @Test
  void eachMalformedImageIsRefusedWithItsReason() throws Exception {
    for (Board board : BoardCatalogue.all()) {
      Firmware f = firmware(board.name(), Optional.of(Greenhouse.firmware()));
      for (Map.Entry<RejectionReason, byte[]> e :
          BadImages.forCapacity(board.maxImageBytes()).entrySet()) {
        ImageRejectedException x =
            assertThrows(ImageRejectedException.class, () -> f.check(e.getValue()));
        assertEquals(e.getKey(), x.reason(), board.name() + ": " + x.getMessage());
      }
    }
  }

  @Test
  void unboundFirmwareBindsToItsFirstImageThenRefusesOtherPolicies() throws Exception {
    Firmware f = firmware("esp32", Optional.empty());
    assertTrue(f.binding().isEmpty());
    byte[] foreign = Greenhouse.foreign(42, 43);
    f.apply(foreign, f.check(foreign));
    assertEquals(Optional.of(new FirmwareBinding(42, 43)), f.binding());
    ImageRejectedException x =
        assertThrows(ImageRejectedException.class, () -> f.check(Greenhouse.esp()));
    assertEquals(RejectionReason.POLICY, x.reason());
  }

  @Test
  void appliesToTheInactiveSlotReportsItAndRevertsToThePreviousOne() throws Exception {
    Firmware f = firmware("nrf52840", Optional.of(Greenhouse.firmware()));
    Health empty = f.health();
    assertEquals(0, empty.version());
    assertEquals("", empty.slot());

    byte[] v7 = Greenhouse.nrf();
    assertEquals(Slot.A, f.apply(v7, f.check(v7)));
    byte[] v8 = Greenhouse.image(8, 20_000);
    assertEquals(Slot.B, f.apply(v8, f.check(v8)));
    Health h = f.health();
    assertEquals(8, h.version());
    assertEquals(ImageCodec.crcOf(v8), h.crc());
    assertEquals("B", h.slot());
    assertEquals(20_000L, f.running().values().get("sample_interval"));

    f.setUnhealthy(true);
    assertFalse(f.health().ok());
    Firmware.Running back = f.revert();
    assertEquals(7, back.version());
    assertEquals(Greenhouse.NRF_CRC, back.crc());
    assertTrue(f.health().ok());
    assertTrue(f.hasFailed(ImageCodec.crcOf(v8)));
    assertEquals("eco", back.values().get("mode"));
  }

  @Test
  void theSameImageTwiceIsRecognisedAsRunning() throws Exception {
    Firmware f = firmware("esp32", Optional.empty());
    byte[] v7 = Greenhouse.esp();
    f.apply(v7, f.check(v7));
    assertTrue(f.runs(v7));
    assertFalse(f.runs(Greenhouse.nrf()));
  }
}
