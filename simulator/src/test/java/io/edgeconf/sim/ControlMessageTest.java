package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlMessageTest {
  private static ControlMessage parse(String json) {
    return ControlMessage.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsSetClearPowerAndReboot() {
    ControlMessage m = parse("{\"set\":\"crash-after-apply=2s,slow=1s\"}");
    assertEquals(2, m.set().size());
    assertTrue(parse("{\"clear\":true}").clearAll());
    assertEquals(
        List.of(FaultKind.NO_ACK, FaultKind.LOSS), parse("{\"clear\":\"no-ack,loss\"}").clear());
    assertEquals(Optional.of(false), parse("{\"power\":\"off\"}").power());
    assertTrue(parse("{\"reboot\":true}").reboot());
  }

  @Test
  void refusesMalformedMessages() {
    for (String bad :
        List.of(
            "",
            "not json",
            "[1,2]",
            "{}",
            "{\"set\":3}",
            "{\"set\":\"explode\"}",
            "{\"set\":\"no-ack@esp32\"}",
            "{\"clear\":\"nothing\"}",
            "{\"clear\":5}",
            "{\"power\":\"maybe\"}",
            "{\"reboot\":\"yes\"}",
            "{\"boom\":true}",
            "{\"clear\":false}")) {
      assertThrows(FaultSpecException.class, () -> parse(bad), bad);
    }
    assertThrows(FaultSpecException.class, () -> ControlMessage.parse(new byte[5000]));
  }
}
