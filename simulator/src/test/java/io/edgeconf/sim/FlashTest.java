package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.sim.internal.FileFlashStore;
import io.edgeconf.sim.internal.Flash;
import io.edgeconf.sim.internal.FlashStore;
import io.edgeconf.sim.internal.MemoryFlashStore;
import io.edgeconf.sim.internal.Slot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two slots, the boot counter and the binding, in memory and in files. */
class FlashTest {
  @TempDir Path dir;

  @Test
  void slotsBootCounterAndBindingSurviveARestartFromFiles() throws Exception {
    Flash flash = new Flash(new FileFlashStore(dir.resolve("b1")));
    assertEquals(1, flash.boot().boot());
    flash.write(Greenhouse.esp());
    flash.write(Greenhouse.nrf());
    flash.bind(new FirmwareBinding(1, 2));

    Flash again = new Flash(new FileFlashStore(dir.resolve("b1")));
    Flash.BootReport report = again.boot();
    assertEquals(2, report.boot());
    assertEquals(Optional.of(Slot.B), report.active());
    assertTrue(report.torn().isEmpty());
    assertArrayEquals(Greenhouse.nrf(), again.activeImage().orElseThrow());
    assertEquals(Optional.of(new FirmwareBinding(1, 2)), again.binding());
    assertTrue(Files.exists(dir.resolve("b1/slot-A.bin")));
    assertTrue(Files.exists(dir.resolve("b1/meta.json")));
    try (var files = Files.list(dir.resolve("b1"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void aTornWriteIsDetectedAtBootAndTheOldSlotKeepsRunning() throws Exception {
    for (FlashStore store :
        List.of(new MemoryFlashStore(), new FileFlashStore(dir.resolve("b2")))) {
      Flash flash = new Flash(store);
      flash.boot();
      flash.write(Greenhouse.esp()); // A
      flash.write(Greenhouse.nrf()); // B, A is now the previous slot
      flash.writeTorn(Greenhouse.image(9, 1000)); // over A
      Flash.BootReport report = new Flash(store).boot();
      assertEquals(Optional.of(Slot.B), report.active());
      assertEquals(List.of(Slot.A), report.torn());
    }
  }

  @Test
  void aTornActiveSlotFallsBackToTheOtherOne() throws Exception {
    FlashStore store = new FileFlashStore(dir.resolve("b3"));
    Flash flash = new Flash(store);
    flash.boot();
    flash.write(Greenhouse.esp()); // A
    flash.write(Greenhouse.nrf()); // B active
    store.writeTorn(Slot.B, Greenhouse.nrf()); // the active slot rots
    Flash again = new Flash(store);
    Flash.BootReport report = again.boot();
    assertEquals(Optional.of(Slot.A), report.active());
    assertArrayEquals(Greenhouse.esp(), again.activeImage().orElseThrow());
  }

  @Test
  void revertWithoutAValidPreviousSlotRunsNothing() throws Exception {
    Flash flash = new Flash(new MemoryFlashStore());
    flash.boot();
    flash.write(Greenhouse.esp());
    assertArrayEquals(Greenhouse.esp(), flash.revert().orElseThrow());
    assertTrue(flash.activeSlot().isEmpty());
  }

  @Test
  void anUnreadableMetaRecordStartsOver() throws Exception {
    Path b = dir.resolve("b4");
    Flash flash = new Flash(new FileFlashStore(b));
    flash.boot();
    flash.write(Greenhouse.esp());
    Files.writeString(b.resolve("meta.json"), "{not json");
    Flash.BootReport report = new Flash(new FileFlashStore(b)).boot();
    assertEquals(1, report.boot());
    assertTrue(report.active().isEmpty());
  }
}
