package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Block-wise pushes: sizes at and around block boundaries, size limits, block negotiation. */
class CoapBlockwiseIT {
  final CoapFixture gw = new CoapFixture(CoapContractIT.settings().build());
  final int block = BoardCatalogue.require("nrf52840").coapBlockSize();

  @AfterEach
  void close() {
    gw.close();
  }

  void pushAndCheck(ScriptedCoapBoard b, int size, long version) throws Exception {
    byte[] image = TestImages.image(version, size);
    PushResult r = gw.push(b.id(), image, Duration.ofSeconds(30));
    assertEquals(PushStatus.APPLIED, r.status(), size + " bytes: " + r.detail());
    assertArrayEquals(image, b.received().get(b.received().size() - 1));
  }

  @Test
  void imagesUpToOneBlockGoInOneMessage() throws Exception {
    ScriptedCoapBoard b = gw.announced("small", ScriptedCoapBoard.Options.plain());
    pushAndCheck(b, 24, 1);
    pushAndCheck(b, block, 2);
    assertTrue(b.block1Sizes().isEmpty(), "no Block1 option: " + b.block1Sizes());
  }

  @Test
  void largerImagesGoInBlocksOfTheCatalogueBlockSize() throws Exception {
    ScriptedCoapBoard b = gw.announced("blocks", ScriptedCoapBoard.Options.plain());
    pushAndCheck(b, block + 1, 3);
    assertEquals(2, b.block1Sizes().size());
    b.block1Sizes().clear();
    pushAndCheck(b, block * 4, 4); // an exact multiple: the last block is full
    assertEquals(4, b.block1Sizes().size());
    b.block1Sizes().clear();
    pushAndCheck(b, BoardCatalogue.require("nrf52840").maxImageBytes(), 5);
    assertEquals(1024 / block, b.block1Sizes().size());
    assertTrue(b.block1Sizes().stream().allMatch(s -> s == block), b.block1Sizes().toString());
  }

  @Test
  void aBoardAskingForSmallerBlocksGetsThem() throws Exception {
    ScriptedCoapBoard b =
        gw.announced("smaller", ScriptedCoapBoard.Options.plain().withBlockSize(32));
    pushAndCheck(b, 300, 6);
    assertTrue(b.block1Sizes().stream().skip(1).allMatch(s -> s == 32), b.block1Sizes().toString());
  }

  @Test
  void anImageLargerThanTheBoardTakesIsRejectedTooLarge() throws Exception {
    ScriptedCoapBoard b = gw.announced("big", ScriptedCoapBoard.Options.plain());
    PushResult r = gw.push(b.id(), TestImages.image(7, 1500), Duration.ofSeconds(30));
    assertEquals(PushStatus.REJECTED, r.status(), r.detail());
    assertEquals(RejectionReason.TOO_LARGE, r.knownReason().orElseThrow());
  }
}
