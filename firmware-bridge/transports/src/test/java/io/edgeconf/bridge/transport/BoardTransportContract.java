package io.edgeconf.bridge.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Health;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BoardTransport} promises, run against each transport through the one
 * interface with scripted boards. Subclasses supply the transport and the boards.
 */
public abstract class BoardTransportContract {
  protected static final Duration WAIT = Duration.ofSeconds(30);

  protected ScheduledExecutorService scheduler;
  protected BoardTransport transport;
  protected final RecordingListener events = new RecordingListener();
  protected final List<ScriptedBoard> boards = new ArrayList<>();
  protected final String suffix = UUID.randomUUID().toString().substring(0, 8);

  /** The transport under test, not started. */
  protected abstract BoardTransport newTransport(ScheduledExecutorService scheduler, Clock clock)
      throws Exception;

  /** A scripted board of this transport's kind, connected but not announced. */
  protected abstract ScriptedBoard newBoard(String id) throws Exception;

  protected abstract Transport kind();

  /** What {@code reboot} answers for a reachable board of this kind. */
  protected abstract RebootResult.Status rebootAnswer();

  @BeforeEach
  void startTransport() throws Exception {
    scheduler = TestThreads.scheduler("gw-" + kind().wireName(), 4);
    transport = newTransport(scheduler, Clock.systemUTC());
    transport.addListener(events);
    transport.start();
    await().atMost(WAIT).until(transport::ready);
  }

  @AfterEach
  void stopAll() throws Exception {
    boards.forEach(ScriptedBoard::close);
    transport.close();
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
  }

  protected ScriptedBoard board(String name) throws Exception {
    ScriptedBoard b = newBoard(name + "-" + suffix);
    boards.add(b);
    return b;
  }

  protected ScriptedBoard announced(String name) throws Exception {
    ScriptedBoard b = board(name);
    b.announce();
    await().atMost(WAIT).until(() -> transport.board(b.id()).map(BoardInfo::online).orElse(false));
    return b;
  }

  protected PushResult push(String id, byte[] image, Duration deadline) throws Exception {
    return transport
        .push(id, image, deadline)
        .toCompletableFuture()
        .get(deadline.toMillis() + 30_000, TimeUnit.MILLISECONDS);
  }

  @Test
  void aBoardAppearsWithItsAttributesAndGoesOnline() throws Exception {
    ScriptedBoard b = announced("appear");
    BoardInfo info = transport.board(b.id()).orElseThrow();
    assertEquals(kind(), info.transport());
    assertEquals("greenhouse", info.policy().orElseThrow());
    assertEquals(List.of("heater"), info.attributes().tags());
    assertEquals("east-2", info.attributes().attrs().get("room"));
    assertTrue(info.online());
    await()
        .atMost(WAIT)
        .until(() -> events.seen.stream().anyMatch(s -> s.deviceId().equals(b.id())));
    await().atMost(WAIT).until(() -> events.online.contains(b.id()));
    assertTrue(transport.boards().stream().anyMatch(x -> x.deviceId().equals(b.id())));
  }

  @Test
  void aPushIsAppliedAndAcked() throws Exception {
    ScriptedBoard b = announced("apply");
    byte[] image = TestImages.image(7, 300);
    PushResult r = push(b.id(), image, Duration.ofSeconds(20));
    assertEquals(PushStatus.APPLIED, r.status(), r.detail());
    assertEquals(7, r.version());
    assertEquals(ImageCodec.crcOf(image), r.crc());
    assertArrayEquals(image, b.received().get(b.received().size() - 1));
    await().atMost(WAIT).until(() -> events.acks.stream().anyMatch(a -> a.version() == 7));
  }

  @Test
  void aRejectionCarriesTheBoardsReason() throws Exception {
    ScriptedBoard b = announced("reject");
    b.answer(ScriptedBoard.Answer.REJECT_SCHEMA);
    PushResult r = push(b.id(), TestImages.image(8, 100), Duration.ofSeconds(20));
    assertEquals(PushStatus.REJECTED, r.status(), r.detail());
    assertEquals(RejectionReason.SCHEMA, r.knownReason().orElseThrow());
  }

  @Test
  void aSilentBoardTimesOut() throws Exception {
    ScriptedBoard b = announced("silent");
    b.answer(ScriptedBoard.Answer.SILENT);
    PushResult r = push(b.id(), TestImages.image(9, 80), Duration.ofMillis(1500));
    assertEquals(PushStatus.TIMEOUT, r.status(), r.detail());
  }

  @Test
  void anUnknownBoardIsUnreachable() throws Exception {
    PushResult r = push("nobody-" + suffix, TestImages.image(1, 40), Duration.ofSeconds(5));
    assertEquals(PushStatus.UNREACHABLE, r.status());
  }

  @Test
  void aNewerPushSupersedesAPendingOne() throws Exception {
    ScriptedBoard b = announced("supersede");
    b.answer(ScriptedBoard.Answer.SILENT);
    var first = transport.push(b.id(), TestImages.image(10, 60), Duration.ofSeconds(30));
    await().atMost(WAIT).until(() -> !b.received().isEmpty());
    b.answer(ScriptedBoard.Answer.APPLY);
    PushResult second = push(b.id(), TestImages.image(11, 60), Duration.ofSeconds(20));
    assertEquals(PushStatus.APPLIED, second.status(), second.detail());
    assertEquals(
        PushStatus.SUPERSEDED, first.toCompletableFuture().get(10, TimeUnit.SECONDS).status());
  }

  @Test
  void healthReportsAreStreamedWithTheDeviceId() throws Exception {
    ScriptedBoard b = announced("health");
    Health h = new Health(5, 0x6ef7f919L, true, 812, 3, "B");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              b.reportHealth(h);
              return events.health.stream()
                  .anyMatch(x -> x.deviceId().equals(b.id()) && x.health().equals(h));
            });
    HealthReport got =
        events.health.stream().filter(x -> x.health().equals(h)).findFirst().orElseThrow();
    assertEquals(Crc32c.hex(0x6ef7f919L), Crc32c.hex(got.health().crc()));
    assertTrue(got.receivedAt() != null);
  }

  @Test
  void aBoardThatGoesAwayGoesOffline() throws Exception {
    ScriptedBoard b = announced("away");
    b.goOffline();
    await().atMost(WAIT).until(() -> events.offline.contains(b.id()));
    assertTrue(!transport.board(b.id()).orElseThrow().online());
  }

  @Test
  void rebootAnswersAValue() throws Exception {
    ScriptedBoard b = announced("reboot");
    RebootResult r =
        transport
            .reboot(b.id(), Duration.ofSeconds(10))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertEquals(rebootAnswer(), r.status(), r.detail());
  }

  @Test
  void nothingBadWasCountedInNormalOperation() throws Exception {
    ScriptedBoard b = announced("clean");
    assertEquals(
        PushStatus.APPLIED,
        push(b.id(), TestImages.image(3, 200), Duration.ofSeconds(20)).status());
    assertEquals(0, transport.badInput().total(), transport.badInput().snapshot().toString());
  }
}
