package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malformed images pushed over MQTT: each answered {@code rejected} with its reason. */
class MqttImagesIT {
  @Test
  void eachMalformedImageIsRejectedWithItsReasonAndTheBoardKeepsItsImage() throws Exception {
    String prefix = Ids.prefix("mi");
    try (MqttFixture f =
        new MqttFixture(
            SimulatorOptions.builder()
                .boards("esp32s3", 1)
                .idPrefix(prefix)
                .firmware(Greenhouse.firmware()))) {
      String id = f.sim.ids().get(0);
      f.push(id, Greenhouse.esp());
      int count = 1;
      f.awaitAck(id, count);
      for (Map.Entry<RejectionReason, byte[]> e : BadImages.forCapacity(4096).entrySet()) {
        f.push(id, e.getValue());
        Ack ack = f.awaitAck(id, ++count);
        assertFalse(ack.applied());
        assertEquals(Optional.of(e.getKey().wireName()), ack.reason(), e.getKey().name());
      }
      // Garbage shorter than a header and an empty retained cfg (a deletion) are harmless too.
      f.push(id, new byte[] {1, 2, 3});
      assertEquals(Optional.of("length"), f.awaitAck(id, ++count).reason());
      f.push(id, new byte[0]);
      f.awaitHealth(id, h -> h.crc() == Greenhouse.ESP_CRC);
      assertEquals(ImageCodec.crcOf(Greenhouse.esp()), f.sim.board(id).orElseThrow().crc());
    }
  }
}
