package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JournalJsonTest {
  @Test
  void aWholeJournalSurvivesJson() {
    Fixture fx = new Fixture();
    fx.mixedFleet();
    fx.board("none-1", "esp32", false);
    fx.fleet.board("esp-3").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
    fx.await(fx.engine().start(fx.plan("r1")));
    JournalState state = fx.journal.state("r1").orElseThrow();

    JournalState back = JournalJson.read(JournalJson.write(state));

    assertEquals(state, back);
    assertEquals(state.plan(), JournalJson.readPlan(JournalJson.writePlan(state.plan())));
    state.entries().forEach(e -> assertEquals(e, JournalJson.readEntry(JournalJson.writeEntry(e))));
  }

  @Test
  void aWrongFormatIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> JournalJson.read("{\"format\":99}"));
    assertThrows(IllegalArgumentException.class, () -> JournalJson.read("not json"));
  }
}
