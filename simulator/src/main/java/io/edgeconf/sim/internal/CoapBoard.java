package io.edgeconf.sim.internal;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.sim.SimEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An nRF52840 board on CoAP (device-protocol.md): its own UDP (or DTLS-PSK) endpoint on the CoAP
 * host with an ephemeral port, serving {@code PUT /cfg}, observable {@code GET /health} and {@code
 * POST /reboot}, and registering with the gateway from that same endpoint. Going dark (power,
 * offline, reboot) silences the endpoint; Observe relations survive it, as the gateway's own
 * relation does.
 */
public final class CoapBoard extends VirtualBoard {
  private static final Logger LOG = LoggerFactory.getLogger(CoapBoard.class);

  private final Configuration config;
  private final LossyConnector connector;
  private final boolean dtls;
  private final HealthResource health;
  private CoapServer server;
  private Registrar registrar;

  public CoapBoard(
      DeviceAttributes device, Firmware firmware, BoardContext ctx, Duration healthOffset) {
    super(device, firmware, ctx, healthOffset);
    this.config = CoapSetup.configuration(board);
    InetSocketAddress bind = new InetSocketAddress(ctx.options().coapHost(), 0);
    byte[] key = ctx.options().psks().get(device.id());
    this.dtls = key != null;
    Connector raw =
        dtls
            ? CoapSetup.dtls(config, bind, device.id(), key, ctx.threads().coapMain())
            : CoapSetup.udp(bind, ctx.threads().workerFactory());
    this.connector = new LossyConnector(raw, faults::lossPercent);
    this.health = new HealthResource(firmware::health);
  }

  @Override
  protected CompletableFuture<Void> startTransport() {
    try {
      CoapEndpoint endpoint =
          new CoapEndpoint.Builder()
              .setConfiguration(config)
              .setConnector(connector)
              .setLoggingTag(id())
              .build();
      server = new CoapServer(config);
      server.addEndpoint(endpoint);
      server.add(new CfgResource(this), health, new RebootResource(this));
      server.setExecutors(ctx.threads().coapMain(), ctx.threads().coapSecondary(), true);
      server.start();
      ctx.options()
          .gatewayCoap()
          .ifPresent(
              gw -> {
                registrar =
                    new Registrar(
                        id(),
                        endpoint,
                        (dtls ? "coaps://" : "coap://") + gw,
                        () -> hello().toJson(),
                        ctx.options().registrationLifetime(),
                        ctx.threads().timer(),
                        this::registeredOutcome);
                registrar.start();
              });
      Firmware.Running r = firmware.running();
      emit(SimEvent.Kind.ONLINE, r.version(), r.crc(), String.valueOf(connector.getAddress()));
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new IOException(id() + ": cannot start its CoAP endpoint: " + e.getMessage(), e));
    }
  }

  private void registeredOutcome(boolean ok) {
    if (ok) {
      serial.execute(
          () -> {
            Firmware.Running r = firmware.running();
            emit(SimEvent.Kind.REGISTERED, r.version(), r.crc(), "");
          });
    }
  }

  /** A push arrived on {@code /cfg}. */
  void receivePush(byte[] bytes, AckSink sink) {
    push(bytes, sink, false);
  }

  /** {@code POST /reboot}: lets the response leave before the board goes dark. */
  void rebootSoon() {
    ctx.threads().timer().schedule(this::reboot, 100, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void goDark() {
    connector.setDark(true);
    if (registrar != null) {
      registrar.stop();
    }
  }

  @Override
  protected void comeBack() {
    connector.setDark(false);
    Firmware.Running r = firmware.running();
    emit(SimEvent.Kind.ONLINE, r.version(), r.crc(), String.valueOf(connector.getAddress()));
    if (registrar != null) {
      registrar.start();
    }
    publishHealthNow();
  }

  @Override
  protected void publishHealth(Health report) {
    health.report(report);
  }

  @Override
  protected void closeTransport() {
    if (registrar != null) {
      registrar.stop();
    }
    if (server != null) {
      try {
        server.destroy();
      } catch (RuntimeException e) {
        LOG.debug("{}: destroy: {}", id(), e.toString());
      }
    }
  }

  @Override
  public boolean online() {
    return shouldBeUp() && server != null;
  }

  @Override
  protected Optional<InetSocketAddress> coapAddress() {
    return server == null ? Optional.empty() : Optional.of(connector.getAddress());
  }

  @Override
  protected boolean registered() {
    return registrar != null && registrar.registered();
  }
}
