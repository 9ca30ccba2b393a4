package io.edgeconf.sim;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.schema.Sha256;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.mqtt.ConnectFailure;
import io.edgeconf.sim.internal.BoardContext;
import io.edgeconf.sim.internal.BrokerClients;
import io.edgeconf.sim.internal.CoapBoard;
import io.edgeconf.sim.internal.ControlChannel;
import io.edgeconf.sim.internal.FileFlashStore;
import io.edgeconf.sim.internal.Firmware;
import io.edgeconf.sim.internal.Flash;
import io.edgeconf.sim.internal.FlashStore;
import io.edgeconf.sim.internal.Fleet;
import io.edgeconf.sim.internal.MemoryFlashStore;
import io.edgeconf.sim.internal.MqttBoard;
import io.edgeconf.sim.internal.SimThreads;
import io.edgeconf.sim.internal.VirtualBoard;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs simulated boards: ESP32-family boards on MQTT and nRF52840 boards on CoAP, each with two
 * flash slots, a boot counter, health reports and injectable faults (docs/simulator.md).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorOptions.builder()
 *         .broker("tcp://127.0.0.1:1883").boards("esp32", 2).boards("nrf52840", 1).build())) {
 *   sim.setFaults("crash-after-apply=2s@sim-esp32-001");
 *   sim.board("sim-esp32-001").orElseThrow().version();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Faults can also be changed at run time through each board's control topic {@code
 * ec/sim/<device-id>/fault} (see {@link ControlMessage}).
 */
public final class Simulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

  private final SimulatorOptions options;
  private final SimThreads threads = new SimThreads();
  private final Map<String, VirtualBoard> boards = new LinkedHashMap<>();
  private final List<SimEventListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong malformedControl = new AtomicLong();
  private ControlChannel control;
  private volatile boolean closed;

  private Simulator(SimulatorOptions options) {
    this.options = options;
  }

  /**
   * Starts every board and waits until each is online (connected to the broker, or serving CoAP).
   *
   * @throws SimulatorException when the broker's TLS files cannot be used, the broker cannot be
   *     reached or refuses the connection (TLS, login; the cause is Paho's exception), a port
   *     cannot be bound or the state directory cannot be used; nothing is left running then
   */
  public static Simulator start(SimulatorOptions options) {
    return start(options, List.of());
  }

  /**
   * Starts as {@link #start(SimulatorOptions)}, with listeners that see the boards' first events.
   */
  public static Simulator start(SimulatorOptions options, List<SimEventListener> listeners) {
    Simulator sim = new Simulator(options);
    sim.listeners.addAll(listeners);
    try {
      sim.startBoards();
      return sim;
    } catch (RuntimeException e) {
      sim.close();
      throw e instanceof SimulatorException se
          ? se
          : new SimulatorException("cannot start: " + e.getMessage(), e);
    }
  }

  private void startBoards() {
    Optional<BrokerClients> broker = options.broker().map(this::brokerClients);
    BoardContext ctx = new BoardContext(options, threads, broker, this::dispatch);
    List<DeviceAttributes> fleet = Fleet.of(options);
    long interval = options.healthInterval().toMillis();
    for (int i = 0; i < fleet.size(); i++) {
      DeviceAttributes device = fleet.get(i);
      Duration offset = Duration.ofMillis(interval * i / Math.max(1, fleet.size()));
      Firmware firmware =
          new Firmware(
              BoardCatalogue.require(device.board()),
              new Flash(storeFor(device.id())),
              options.firmware(),
              options.clock());
      VirtualBoard board =
          BoardCatalogue.require(device.board()).transport() == Transport.MQTT
              ? new MqttBoard(device, firmware, ctx, offset)
              : new CoapBoard(device, firmware, ctx, offset);
      boards.put(device.id(), board);
    }
    setFaults(options.faults());
    broker.ifPresent(this::connectControl);
    List<CompletableFuture<Void>> up = boards.values().stream().map(VirtualBoard::start).toList();
    try {
      CompletableFuture.allOf(up.toArray(CompletableFuture[]::new))
          .get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String why =
          cause instanceof MqttException
              ? "cannot connect to the broker at "
                  + options.brokerUrl().orElseThrow()
                  + ": "
                  + ConnectFailure.describe(cause)
              : cause.getMessage();
      throw new SimulatorException("cannot start the boards: " + why, cause);
    } catch (TimeoutException e) {
      long online = boards.values().stream().filter(VirtualBoard::online).count();
      throw new SimulatorException(
          "only "
              + online
              + " of "
              + boards.size()
              + " boards came up within "
              + options.startTimeout().toSeconds()
              + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimulatorException("interrupted while starting", e);
    }
    LOG.info("{} simulated boards running", boards.size());
  }

  private FlashStore storeFor(String id) {
    if (options.stateDir().isEmpty()) {
      return new MemoryFlashStore();
    }
    try {
      return new FileFlashStore(options.stateDir().get().resolve(id));
    } catch (IOException e) {
      throw new SimulatorException(
          "cannot use state directory " + options.stateDir().get() + ": " + e.getMessage(), e);
    }
  }

  /** Reads the broker's TLS files, once for every client. */
  private BrokerClients brokerClients(BrokerAccess access) {
    try {
      return new BrokerClients(access, threads);
    } catch (TransportConfigException e) {
      throw new SimulatorException("broker " + access.url() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first connection to the broker: a wrong CA, a refused login or no broker at all fails the
   * start with the reason (retrying could not fix the first two, and would only delay the answer).
   */
  private void connectControl(BrokerClients broker) {
    try {
      control = new ControlChannel(broker, threads, this::onControl);
      control.connect(Math.min(10_000, options.startTimeout().toMillis()));
    } catch (MqttException e) {
      throw new SimulatorException(
          "cannot connect to the broker at " + broker.url() + ": " + ConnectFailure.describe(e), e);
    }
  }

  private void onControl(String id, byte[] payload) {
    VirtualBoard board = boards.get(id);
    if (board == null) {
      return; // another simulator's board on the same broker
    }
    ControlMessage message;
    try {
      message = ControlMessage.parse(payload);
    } catch (FaultSpecException e) {
      malformedControl.incrementAndGet();
      LOG.warn("{}: ignored a malformed control message: {}", id, e.getMessage());
      return;
    }
    if (message.clearAll()) {
      board.clearFaults(Optional.empty());
    }
    message.clear().forEach(k -> board.clearFaults(Optional.of(k)));
    message.set().forEach(board::setFault);
    message
        .power()
        .ifPresent(
            on -> {
              if (on) {
                board.powerOn();
              } else {
                board.powerOff();
              }
            });
    if (message.reboot()) {
      board.reboot();
    }
  }

  private void dispatch(SimEvent event) {
    for (SimEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("event listener failed on {}", event, e);
      }
    }
  }

  /** The options it runs with. */
  public SimulatorOptions options() {
    return options;
  }

  /** Every device id, in start order. */
  public List<String> ids() {
    return List.copyOf(boards.keySet());
  }

  /** A snapshot of one board. */
  public Optional<BoardSnapshot> board(String id) {
    return Optional.ofNullable(boards.get(id)).map(VirtualBoard::snapshot);
  }

  /** Snapshots of every board, in start order. */
  public List<BoardSnapshot> boards() {
    return boards.values().stream().map(VirtualBoard::snapshot).toList();
  }

  /** The UDP address a CoAP board serves on (and registers from). */
  public Optional<InetSocketAddress> coapAddress(String id) {
    return board(id).flatMap(BoardSnapshot::coapAddress);
  }

  public void addListener(SimEventListener listener) {
    listeners.add(listener);
  }

  public void removeListener(SimEventListener listener) {
    listeners.remove(listener);
  }

  /**
   * Sets faults from a SPEC with targets ({@link FaultSpec}).
   *
   * @throws FaultSpecException when the SPEC is wrong (nothing is set then)
   */
  public void setFaults(String spec) {
    setFaults(FaultSpec.parse(spec));
  }

  /** Sets each fault on the boards its target selects. */
  public void setFaults(List<TargetedFault> faults) {
    for (TargetedFault f : faults) {
      targets(f.target()).forEach(b -> b.setFault(f.fault()));
    }
  }

  /**
   * Sets faults ({@code KIND[=PARAM],...}) on a target (a device id, a board name, {@code N%}, or
   * {@code ""} for all).
   *
   * @throws FaultSpecException when the faults or the target are wrong
   */
  public void setFault(String target, String faults) {
    FaultTarget t = FaultTarget.parse(target);
    List<Fault> parsed = java.util.Arrays.stream(faults.split(",")).map(Fault::parse).toList();
    targets(t).forEach(b -> parsed.forEach(b::setFault));
  }

  /** Clears every fault of a target. */
  public void clearFaults(String target) {
    targets(FaultTarget.parse(target)).forEach(b -> b.clearFaults(Optional.empty()));
  }

  /** Clears one kind of fault of a target. */
  public void clearFault(String target, FaultKind kind) {
    targets(FaultTarget.parse(target)).forEach(b -> b.clearFaults(Optional.of(kind)));
  }

  private List<VirtualBoard> targets(FaultTarget target) {
    return switch (target) {
      case FaultTarget.All a -> List.copyOf(boards.values());
      case FaultTarget.Device d ->
          Optional.ofNullable(boards.get(d.id())).map(List::of).orElse(List.of());
      case FaultTarget.BoardType t ->
          boards.values().stream().filter(b -> b.device().board().equals(t.board())).toList();
      case FaultTarget.Share s -> {
        int n = (int) Math.ceil(boards.size() * s.percent() / 100.0);
        yield boards.values().stream()
            .sorted(Comparator.comparingLong(b -> Sha256.first4LittleEndian(b.id())))
            .limit(n)
            .toList();
      }
    };
  }

  /** Cuts a board's power (MQTT: its will says {@code 0}). */
  public void powerOff(String id) {
    require(id).powerOff();
  }

  /** Restores a board's power: it boots and comes back. */
  public void powerOn(String id) {
    require(id).powerOn();
  }

  /** Reboots a board. */
  public void reboot(String id) {
    require(id).reboot();
  }

  private VirtualBoard require(String id) {
    VirtualBoard b = boards.get(id);
    if (b == null) {
      throw new IllegalArgumentException("no simulated board '" + id + "'");
    }
    return b;
  }

  /** How many control messages were malformed and ignored. */
  public long malformedControlMessages() {
    return malformedControl.get();
  }

  /** Stops every board (publishing {@code online 0} over MQTT) and the shared threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<CompletableFuture<Void>> closing =
        boards.values().stream()
            .map(b -> CompletableFuture.runAsync(b::close, threads.workers()))
            .toList();
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("some boards did not close cleanly: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (control != null) {
      control.close();
    }
    threads.close();
  }
}
