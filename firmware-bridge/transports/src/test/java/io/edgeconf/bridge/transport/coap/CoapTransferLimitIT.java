package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.ScriptedBoard;
import io.edgeconf.bridge.transport.TestImages;
import io.edgeconf.bridge.transport.TransportBusyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cap on transfers and its waiting line: one transfer at a time here, two pushes may wait. A
 * silent board holds the one slot until the test lets it answer. Pushes start on the event thread
 * in the order they are made, so a refused push also shows that every push made before it has
 * started.
 */
class CoapTransferLimitIT {
  static final Duration LONG = Duration.ofSeconds(120);

  // Exchanges give up after about a second, so that the silent board's push retries soon.
  final CoapFixture gw =
      new CoapFixture(
          CoapContractIT.settings()
              .maxConcurrentTransfers(1)
              .maxQueuedPushes(2)
              .maxRetransmit(1)
              .build());

  @AfterEach
  void close() {
    gw.close();
  }

  CompletionStage<PushResult> push(ScriptedCoapBoard b, long version, Duration deadline) {
    return gw.transport.push(b.id(), TestImages.image(version, 40), deadline);
  }

  static PushResult result(CompletionStage<PushResult> push) throws Exception {
    return push.toCompletableFuture().get(LONG.toSeconds() + 30, TimeUnit.SECONDS);
  }

  static void assertRefusedAsBusy(CompletionStage<PushResult> push) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> result(push));
    assertInstanceOf(TransportBusyException.class, e.getCause());
  }

  /** The silent board holding the slot answers its next attempt; the waiting pushes follow. */
  static void applied(CompletionStage<PushResult> push, long version) throws Exception {
    PushResult r = result(push);
    assertEquals(PushStatus.APPLIED, r.status(), r.detail());
    assertEquals(version, r.version());
  }

  static List<Long> versions(ScriptedCoapBoard b) {
    return b.received().stream().map(i -> ImageCodec.versionOf(i).orElse(-1)).toList();
  }

  @Test
  void aPushRefusedAsBusyLeavesThePushInProgressAlone() throws Exception {
    ScriptedCoapBoard a = gw.announced("hold", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard b = gw.announced("wait", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard c = gw.announced("fill", ScriptedCoapBoard.Options.plain());
    a.answer(ScriptedBoard.Answer.SILENT);
    var a1 = push(a, 1, LONG); // the slot
    var b1 = push(b, 2, LONG); // waits
    var c1 = push(c, 3, LONG); // waits: the line is full
    var b2 = push(b, 4, LONG); // would replace b1, but is refused
    assertRefusedAsBusy(b2);
    assertFalse(b1.toCompletableFuture().isDone(), "the refused push superseded b1");
    a.answer(ScriptedBoard.Answer.APPLY);
    applied(a1, 1);
    applied(b1, 2);
    applied(c1, 3);
    assertEquals(List.of(2L), versions(b));
  }

  @Test
  void aPushThatEndsWhileWaitingGivesUpItsPlace() throws Exception {
    ScriptedCoapBoard a = gw.announced("hold", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard b = gw.announced("late", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard c = gw.announced("twice", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard d = gw.announced("next", ScriptedCoapBoard.Options.plain());
    ScriptedCoapBoard e = gw.announced("over", ScriptedCoapBoard.Options.plain());
    a.answer(ScriptedBoard.Answer.SILENT);
    var a1 = push(a, 1, LONG); // the slot
    PushResult b1 = result(push(b, 2, Duration.ofSeconds(1))); // times out waiting
    assertEquals(PushStatus.TIMEOUT, b1.status(), b1.detail());
    var c1 = push(c, 3, LONG); // waits
    var c2 = push(c, 4, LONG); // waits, and supersedes c1
    var d1 = push(d, 5, LONG); // waits: the line is full
    var e1 = push(e, 6, LONG); // refused
    assertRefusedAsBusy(e1);
    assertFalse(c2.toCompletableFuture().isDone(), "c2 was refused: ended pushes kept places");
    assertFalse(d1.toCompletableFuture().isDone(), "d1 was refused: ended pushes kept places");
    assertEquals(PushStatus.SUPERSEDED, result(c1).status());
    a.answer(ScriptedBoard.Answer.APPLY);
    applied(a1, 1);
    applied(c2, 4);
    applied(d1, 5);
    assertEquals(List.of(4L), versions(c));
    assertEquals(List.of(), versions(b));
  }
}
