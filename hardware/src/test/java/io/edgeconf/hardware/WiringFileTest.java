package io.edgeconf.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WiringFileTest {
  private static Wiring parse(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return WiringFile.parse(p, "wiring.properties");
  }

  @Test
  void readsLedsResetLinesAndButton() throws IOException {
    Wiring w =
        parse(
            """
            led.status.pin = 17
            reset.gh-esp-01.pin = 22
            reset.gh-esp-01.active = high
            reset.gh-esp-01.pulse = 250ms
            button.pin = 27
            button.long_press = 5s
            """);
    assertEquals(17, w.leds().get(0).pin());
    assertTrue(w.leds().get(0).activeHigh());
    var reset = w.resets().get("gh-esp-01");
    assertEquals(22, reset.pin());
    assertTrue(reset.activeHigh());
    assertEquals(Duration.ofMillis(250), reset.pulse());
    assertEquals(Duration.ofSeconds(5), w.button().orElseThrow().longPress());
    assertFalse(w.button().orElseThrow().activeHigh());
  }

  @Test
  void typosAndBadValuesAreErrorsNamingTheKey() {
    assertTrue(
        assertThrows(HardwareException.class, () -> parse("led.status.pn = 17"))
            .getMessage()
            .contains("led.status.pn"));
    assertTrue(
        assertThrows(HardwareException.class, () -> parse("reset.a.pin = x"))
            .getMessage()
            .contains("reset.a.pin"));
    assertTrue(
        assertThrows(HardwareException.class, () -> parse("button.pin = 3\nbutton.active = up"))
            .getMessage()
            .contains("button.active"));
    assertTrue(
        assertThrows(HardwareException.class, () -> parse("led.a.pin = 4\nreset.b.pin = 4"))
            .getMessage()
            .contains("twice"));
    assertThrows(HardwareException.class, () -> parse("led.a.pin = 99"));
  }
}
