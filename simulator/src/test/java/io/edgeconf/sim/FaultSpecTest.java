package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  @Test
  void parsesEveryKindWithItsParameterAndTarget() {
    List<TargetedFault> faults =
        FaultSpec.parse(
            "reject=crc@esp32, no-ack@sim-esp32-001,crash-after-apply=2s@25%,unhealthy,"
                + "unhealthy=3s,slow=500ms,loss=30@nrf52840,flash-fail,power-cut,offline=1m");
    assertEquals(10, faults.size());
    assertEquals(Fault.reject(RejectionReason.CRC), faults.get(0).fault());
    assertEquals(new FaultTarget.BoardType("esp32"), faults.get(0).target());
    assertEquals(new FaultTarget.Device("sim-esp32-001"), faults.get(1).target());
    assertEquals(Optional.of(Duration.ofSeconds(2)), faults.get(2).fault().duration());
    assertEquals(new FaultTarget.Share(25), faults.get(2).target());
    assertEquals(Fault.of(FaultKind.UNHEALTHY), faults.get(3).fault());
    assertEquals(new FaultTarget.All(), faults.get(3).target());
    assertEquals(Optional.of(Duration.ofSeconds(3)), faults.get(4).fault().duration());
    assertEquals(Optional.of(Duration.ofMillis(500)), faults.get(5).fault().duration());
    assertEquals(30, faults.get(6).fault().percent().getAsInt());
    assertEquals(FaultKind.FLASH_FAIL, faults.get(7).fault().kind());
    assertEquals(FaultKind.POWER_CUT, faults.get(8).fault().kind());
    assertEquals(Optional.of(Duration.ofMinutes(1)), faults.get(9).fault().duration());
  }

  @Test
  void printsItemsThatParseBack() {
    for (String item :
        List.of(
            "reject=too_large@esp32", "slow=1500ms@5%", "loss=20@x.y-1", "no-ack", "offline=2s")) {
      assertEquals(item, FaultSpec.parse(item).get(0).toString());
    }
    assertEquals(
        "", FaultSpec.parse(" ").stream().map(Object::toString).reduce("", String::concat));
  }

  @Test
  void namesTheWrongItem() {
    for (String bad :
        List.of(
            "explode",
            "reject",
            "reject=nope",
            "slow",
            "slow=fast",
            "no-ack=3",
            "loss=101",
            "loss=x",
            "offline=2s@",
            "reject=crc@200%",
            "no-ack@bad id",
            "no-ack,,slow=1s")) {
      FaultSpecException e = assertThrows(FaultSpecException.class, () -> FaultSpec.parse(bad));
      assertTrue(e.getMessage().length() > 5, bad);
    }
  }

  @Test
  void readsDurationsAsTheCommandLineWritesThem() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("2"));
    assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
  }
}
