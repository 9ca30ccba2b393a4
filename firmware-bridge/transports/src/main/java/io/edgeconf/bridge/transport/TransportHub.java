package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * All of the gateway's transports behind one {@link BoardTransport}: a board is served by the
 * transport its board type has in the catalogue ({@code Board.transport()}). Operations on a board
 * no transport has seen answer {@link PushStatus#UNREACHABLE} (push, reboot) or fail with {@link
 * UnknownBoardException} (desired images). Thread-safe.
 */
public final class TransportHub implements BoardTransport {
  private final Map<Transport, BoardTransport> byTransport;
  private final List<BoardTransport> all;

  /**
   * @param transports one per transport; each may serve only one {@link Transport}
   */
  public TransportHub(List<BoardTransport> transports) {
    Map<Transport, BoardTransport> map = new EnumMap<>(Transport.class);
    for (BoardTransport t : transports) {
      for (Transport kind : t.transports()) {
        if (map.putIfAbsent(kind, t) != null) {
          throw new IllegalArgumentException("two transports serve " + kind.wireName());
        }
      }
    }
    this.byTransport = Collections.unmodifiableMap(map);
    this.all = List.copyOf(transports);
  }

  /** The transport that serves this kind of board, if configured. */
  public Optional<BoardTransport> transport(Transport kind) {
    return Optional.ofNullable(byTransport.get(kind));
  }

  private Optional<BoardTransport> serving(String deviceId) {
    return board(deviceId).flatMap(b -> transport(b.transport()));
  }

  @Override
  public Set<Transport> transports() {
    return byTransport.keySet();
  }

  @Override
  public void start() {
    all.forEach(BoardTransport::start);
  }

  @Override
  public boolean ready() {
    return all.stream().allMatch(BoardTransport::ready);
  }

  @Override
  public void addListener(BoardListener listener) {
    all.forEach(t -> t.addListener(listener));
  }

  @Override
  public void removeListener(BoardListener listener) {
    all.forEach(t -> t.removeListener(listener));
  }

  @Override
  public List<BoardInfo> boards() {
    List<BoardInfo> out = new ArrayList<>();
    all.forEach(t -> out.addAll(t.boards()));
    return out;
  }

  @Override
  public Optional<BoardInfo> board(String deviceId) {
    for (BoardTransport t : all) {
      Optional<BoardInfo> b = t.board(deviceId);
      if (b.isPresent()) {
        return b;
      }
    }
    return Optional.empty();
  }

  @Override
  public CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline) {
    Optional<BoardTransport> t = serving(deviceId);
    if (t.isPresent()) {
      return t.get().push(deviceId, image, deadline);
    }
    DeviceId.require(deviceId);
    long version = ImageCodec.versionOf(image).orElse(0);
    long crc = image != null && image.length >= 4 ? ImageCodec.crcOf(image) : 0;
    return CompletableFuture.completedFuture(
        PushResult.of(
            deviceId,
            PushStatus.UNREACHABLE,
            version,
            crc,
            "no transport has seen the board (crc " + Crc32c.hex(crc) + ")"));
  }

  @Override
  public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    return serving(deviceId)
        .map(t -> t.setDesired(deviceId, image))
        .orElseGet(() -> CompletableFuture.failedFuture(new UnknownBoardException(deviceId)));
  }

  @Override
  public CompletionStage<Void> clearDesired(String deviceId) {
    return serving(deviceId)
        .map(t -> t.clearDesired(deviceId))
        .orElseGet(() -> CompletableFuture.failedFuture(new UnknownBoardException(deviceId)));
  }

  @Override
  public CompletionStage<Void> republishDesired() {
    return CompletableFuture.allOf(
        all.stream()
            .map(t -> t.republishDesired().toCompletableFuture())
            .toArray(CompletableFuture<?>[]::new));
  }

  @Override
  public CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
    return serving(deviceId)
        .map(t -> t.reboot(deviceId, deadline))
        .orElseGet(
            () ->
                CompletableFuture.completedFuture(
                    new RebootResult(
                        deviceId, RebootResult.Status.UNREACHABLE, "no transport has seen it")));
  }

  /** The bad-input counters of all transports, summed. */
  @Override
  public BadInputCounters badInput() {
    return new BadInputCounters() {
      @Override
      public long count(BadInput cause) {
        return all.stream().mapToLong(t -> t.badInput().count(cause)).sum();
      }

      @Override
      public Map<BadInput, Long> snapshot() {
        Map<BadInput, Long> out = new EnumMap<>(BadInput.class);
        all.forEach(t -> t.badInput().snapshot().forEach((k, v) -> out.merge(k, v, Long::sum)));
        return out;
      }
    };
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (BoardTransport t : all) {
      try {
        t.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
