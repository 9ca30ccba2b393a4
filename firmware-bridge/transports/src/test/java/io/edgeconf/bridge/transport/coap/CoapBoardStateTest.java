package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.MutableClock;
import io.edgeconf.bridge.transport.RecordingListener;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.Listeners;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resource directory's clockwork, with a hand-moved clock. */
class CoapBoardStateTest {
  final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  final BadInputLog bad = new BadInputLog("test", clock);
  final Listeners listeners = new Listeners();
  final RecordingListener events = new RecordingListener();
  final CoapBoardState state = new CoapBoardState(bad, listeners, 2, Duration.ofSeconds(5), 3);
  final InetSocketAddress addr = new InetSocketAddress("127.0.0.1", 40000);

  {
    listeners.add(events);
  }

  BoardInfo info(String id) {
    return BoardInfo.of(
        DeviceAttributes.of("nrf52840", id), Optional.empty(), 0, false, clock.instant());
  }

  @Test
  void aRegistrationLastsItsLifetime() {
    assertEquals(
        CoapBoardState.Outcome.CREATED,
        state.register(info("n1"), addr, false, Duration.ofSeconds(30), clock.instant()));
    assertEquals(List.of("n1"), events.online);
    assertEquals(Optional.of("n1"), state.idAt(addr));
    clock.advance(Duration.ofSeconds(29));
    state.onHealth("n1", new Health(1, 1, true, 1, 1, "A").toJson(), clock.instant());
    assertTrue(state.sweep(clock.instant()).expired().isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of("n1"), state.sweep(clock.instant()).expired());
    assertEquals(List.of("n1"), events.offline);
    assertTrue(state.registration("n1").isEmpty());
    assertTrue(state.idAt(addr).isEmpty());
    assertTrue(state.table().get("n1").isPresent(), "an expired board is still known, offline");
  }

  @Test
  void silenceRenewsTheObservationThenMakesTheBoardOffline() {
    state.register(info("n1"), addr, false, Duration.ofHours(1), clock.instant());
    clock.advance(Duration.ofSeconds(11));
    assertEquals(List.of("n1"), state.sweep(clock.instant()).reobserve());
    state.observing("n1", clock.instant());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(state.sweep(clock.instant()).reobserve().isEmpty(), "at most once an interval");
    clock.advance(Duration.ofSeconds(4));
    state.sweep(clock.instant());
    assertEquals(List.of("n1"), events.offline);
    state.onHealth("n1", new Health(1, 1, true, 1, 1, "A").toJson(), clock.instant());
    assertEquals(List.of("n1", "n1"), events.online);
  }

  @Test
  void aReRegistrationFromANewAddressMovesTheBoard() {
    state.register(info("n1"), addr, false, Duration.ofHours(1), clock.instant());
    InetSocketAddress moved = new InetSocketAddress("127.0.0.1", 40001);
    assertEquals(
        CoapBoardState.Outcome.UPDATED,
        state.register(info("n1"), moved, false, Duration.ofHours(1), clock.instant()));
    assertEquals(moved, state.registration("n1").orElseThrow().address);
    assertTrue(state.idAt(addr).isEmpty());
    assertEquals(1, events.seen.size(), "the same announcement is not reported twice");
  }

  @Test
  void aHandshakeIsHeardOnlyFromTheBoardRegisteredThereUnderItsOwnIdentity() {
    state.register(info("n1"), addr, true, Duration.ofHours(1), clock.instant());
    Instant registered = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    state.handshook(addr, "n2", clock.instant());
    state.handshook(new InetSocketAddress("127.0.0.1", 40001), "n1", clock.instant());
    assertEquals(registered, state.registration("n1").orElseThrow().lastHeard);
    state.handshook(addr, "n1", clock.instant());
    assertEquals(clock.instant(), state.registration("n1").orElseThrow().lastHeard);
  }

  @Test
  void theTableIsBoundedAndBadHealthChangesNothing() {
    state.register(info("n1"), addr, false, Duration.ofHours(1), clock.instant());
    state.register(info("n2"), addr, false, Duration.ofHours(1), clock.instant());
    assertEquals(
        CoapBoardState.Outcome.FULL,
        state.register(info("n3"), addr, false, Duration.ofHours(1), clock.instant()));
    assertEquals(1, bad.count(BadInput.CAPACITY));
    state.onHealth("n1", "{".getBytes(), clock.instant());
    state.onHealth("n1", new byte[5000], clock.instant());
    assertEquals(1, bad.count(BadInput.HEALTH_MALFORMED));
    assertEquals(1, bad.count(BadInput.HEALTH_OVERSIZED));
    assertTrue(events.health.isEmpty());
    assertFalse(state.table().get("n3").isPresent());
  }
}
