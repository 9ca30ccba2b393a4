package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import io.edgeconf.bridge.transport.ScriptedBoard;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.MdcConnectionListener;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.Connection;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * An nRF52840 as the tests script it: a Californium server on 127.0.0.1 with {@code PUT /cfg},
 * observable {@code GET /health} and {@code POST /reboot}, registering with the gateway from its
 * own endpoint. Optionally lossy or DTLS-PSK.
 */
public final class ScriptedCoapBoard implements ScriptedBoard {
  /** How the board is built. */
  public record Options(
      double loss, Optional<byte[]> psk, int maxBodyBytes, int blockSize, long lifetimeSeconds) {
    public static Options plain() {
      return new Options(0, Optional.empty(), 1024, 64, 60);
    }

    public Options withLoss(double value) {
      return new Options(value, psk, maxBodyBytes, blockSize, lifetimeSeconds);
    }

    public Options withPsk(byte[] key) {
      return new Options(loss, Optional.of(key), maxBodyBytes, blockSize, lifetimeSeconds);
    }

    public Options withBlockSize(int value) {
      return new Options(loss, psk, maxBodyBytes, value, lifetimeSeconds);
    }

    public Options withLifetime(long seconds) {
      return new Options(loss, psk, maxBodyBytes, blockSize, seconds);
    }
  }

  private final String id;
  private final InetSocketAddress gateway;
  private final Options options;
  private final CoapServer server;
  private final CoapEndpoint endpoint;
  private final HealthResource health = new HealthResource();
  private final List<byte[]> received = new CopyOnWriteArrayList<>();
  private final List<Integer> block1Sizes = new CopyOnWriteArrayList<>();
  private final AtomicInteger reboots = new AtomicInteger();
  private final AtomicInteger handshakes = new AtomicInteger();
  private final AtomicReference<byte[]> cfgReply = new AtomicReference<>();
  private volatile Answer answer = Answer.APPLY;
  private volatile boolean acceptOnly;
  private volatile boolean resetReboots;
  private volatile String board = "nrf52840";
  private LossyConnector lossy;
  private DTLSConnector dtls;
  private final java.util.concurrent.ScheduledExecutorService healthTimer;

  public ScriptedCoapBoard(String id, InetSocketAddress gateway, Options options) {
    this(id, gateway, options, 0);
  }

  /** A board bound to a given local port (0 for any), e.g. to come back on the same address. */
  public ScriptedCoapBoard(String id, InetSocketAddress gateway, Options options, int port) {
    this.id = id;
    this.gateway = gateway;
    this.options = options;
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
    Configuration config = Configuration.createStandardWithoutFile();
    config.set(CoapConfig.PREFERRED_BLOCK_SIZE, options.blockSize());
    // Its buffer takes blocks of blockSize; its own answers fit one (6LoWPAN-fragmented) packet.
    // Like constrained firmware, /cfg assembles its Block1 transfers itself (see CfgResource).
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 0);
    config.set(CoapConfig.ACK_TIMEOUT, 200, TimeUnit.MILLISECONDS);
    config.set(CoapConfig.MAX_RETRANSMIT, 6);
    config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
    config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
    config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
    config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.BOTH);
    config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
    config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
    config.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 300, TimeUnit.MILLISECONDS);
    InetSocketAddress local = new InetSocketAddress("127.0.0.1", port);
    Connector connector;
    if (options.psk().isPresent()) {
      dtls =
          new DTLSConnector(
              new DtlsConnectorConfig.Builder(config)
                  .setAddress(local)
                  .setAdvancedPskStore(new AdvancedSinglePskStore(id, options.psk().get()))
                  .setConnectionListener(
                      new MdcConnectionListener() {
                        @Override
                        public void onConnectionEstablished(Connection connection) {
                          handshakes.incrementAndGet();
                        }
                      })
                  .build());
      connector = dtls;
    } else {
      connector = new UDPConnector(local, config);
    }
    if (options.loss() > 0) {
      lossy = new LossyConnector(connector, options.loss(), id.hashCode());
      connector = lossy;
    }
    endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
    endpoint.addInterceptor(
        new MessageInterceptorAdapter() {
          @Override
          public void receiveRequest(Request request) {
            if (request.getOptions().hasBlock1()) {
              block1Sizes.add(request.getOptions().getBlock1().getSize());
            }
          }
        });
    server = new CoapServer(config);
    server.addEndpoint(endpoint);
    server.add(new CfgResource(), health, new RebootResource());
    server.start();
    // Like firmware, report health periodically (the gateway treats silence as offline).
    healthTimer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "board-health-" + id);
              t.setDaemon(true);
              return t;
            });
    healthTimer.scheduleAtFixedRate(health::notifyObservers, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public String id() {
    return id;
  }

  public InetSocketAddress address() {
    return endpoint.getAddress();
  }

  /** The board type it claims in its registration (default nrf52840). */
  public void claimBoard(String name) {
    this.board = name;
  }

  private String gatewayUri(String query) {
    String scheme = options.psk().isPresent() ? "coaps" : "coap";
    return scheme + "://127.0.0.1:" + gateway.getPort() + "/rd" + query;
  }

  @Override
  public void announce() throws Exception {
    CoapResponse r = register(options.lifetimeSeconds());
    if (r == null || r.getCode() != ResponseCode.CREATED) {
      throw new IllegalStateException("registration of " + id + " answered " + describe(r));
    }
  }

  /** Registers with this lifetime; the gateway's answer (null after a timeout). */
  public CoapResponse register(long lifetimeSeconds) throws Exception {
    Hello hello =
        Hello.of(
            new DeviceAttributes(
                board, id, "south", "2.0.1", List.of("heater"), Map.of("room", "east-2"), Map.of()),
            Optional.of("greenhouse"),
            1024);
    return rawRegister("?ep=" + id + "&lt=" + lifetimeSeconds, hello.toJson());
  }

  /** Posts anything to the gateway's /rd from this board's endpoint. */
  public CoapResponse rawRegister(String query, byte[] body) throws Exception {
    CoapClient client = new CoapClient(gatewayUri(query));
    client.setEndpoint(endpoint);
    client.setTimeout(10_000L);
    try {
      return client.post(body, MediaTypeRegistry.APPLICATION_JSON);
    } finally {
      client.shutdown();
    }
  }

  private static String describe(CoapResponse r) {
    return r == null ? "nothing" : r.getCode() + " " + r.getResponseText();
  }

  @Override
  public void answer(Answer a) {
    this.answer = a;
  }

  /**
   * Acknowledges pushes at once with an empty ACK, as a board that answers later does, and then
   * never answers: the gateway knows the board got the image, not what became of it.
   */
  public void acceptPushesWithoutAnswer() {
    acceptOnly = true;
  }

  /** Resets (CoAP RST) reboot requests instead of answering them. */
  public void resetReboots() {
    resetReboots = true;
  }

  /**
   * Its application stops reporting health: no more notifications, and {@code GET /health} gets no
   * answer. Its CoAP and DTLS stack keeps running.
   */
  public void muteHealth() {
    health.mute();
  }

  /**
   * Forgets its DTLS sessions without telling the gateway, as a board whose network stack restarted
   * does before it registers again: the gateway's session with it is stale.
   */
  public void forgetDtlsSessions() {
    dtls.clearConnectionState();
  }

  /** DTLS handshakes that succeeded with this board, whichever side started them. */
  public int handshakes() {
    return handshakes.get();
  }

  /** Answers the next pushes with this code and raw body instead of a proper ack. */
  public void replyRaw(byte[] body) {
    cfgReply.set(body);
  }

  @Override
  public void reportHealth(Health h) {
    health.report(h.toJson());
  }

  /** Notifies observers with any bytes. */
  public void reportRawHealth(byte[] body) {
    health.report(body);
  }

  /** Forgets its observers, as a rebooting board does. */
  public void dropObservers() {
    health.clearObserveRelations();
  }

  @Override
  public void goOffline() throws Exception {
    register(1); // and never again: the registration lapses after a second
  }

  @Override
  public List<byte[]> received() {
    return received;
  }

  public List<Integer> block1Sizes() {
    return block1Sizes;
  }

  public long dropped() {
    return lossy == null ? 0 : lossy.dropped.get();
  }

  @Override
  public int reboots() {
    return reboots.get();
  }

  @Override
  public void close() {
    healthTimer.shutdownNow();
    server.destroy();
  }

  /**
   * {@code PUT /cfg}, assembling Block1 transfers as firmware does: blocks must come in order, the
   * body may not exceed the board's limit ({@code 4.13} with Size1), a smaller block size is asked
   * for in the {@code 2.31} answers.
   */
  private final class CfgResource extends CoapResource {
    private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

    CfgResource() {
      super("cfg");
    }

    @Override
    public synchronized void handlePUT(CoapExchange exchange) {
      var opts = exchange.getRequestOptions();
      byte[] chunk = exchange.getRequestPayload();
      BlockOption block1 = opts.getBlock1();
      Integer size1 = opts.hasSize1() ? opts.getSize1() : null;
      if (block1 == null) {
        if (chunk.length > options.maxBodyBytes()) {
          tooLarge(exchange);
          return;
        }
        applyImage(exchange, chunk, null);
        return;
      }
      int offset = block1.getOffset();
      if (offset == 0) {
        body.reset();
        if (size1 != null && size1 > options.maxBodyBytes()) {
          tooLarge(exchange);
          return;
        }
      }
      if (offset != body.size()) {
        exchange.respond(ResponseCode.REQUEST_ENTITY_INCOMPLETE);
        return;
      }
      if (offset + chunk.length > options.maxBodyBytes()) {
        body.reset();
        tooLarge(exchange);
        return;
      }
      body.write(chunk, 0, chunk.length);
      if (block1.isM()) {
        int szx = Math.min(block1.getSzx(), BlockOption.size2Szx(options.blockSize()));
        Response cont = new Response(ResponseCode.CONTINUE);
        cont.getOptions().setBlock1(szx, true, offset / BlockOption.szx2Size(szx));
        exchange.respond(cont);
        return;
      }
      byte[] image = body.toByteArray();
      body.reset();
      applyImage(exchange, image, block1);
    }

    private void tooLarge(CoapExchange exchange) {
      Response r = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
      r.getOptions().setSize1(options.maxBodyBytes());
      exchange.respond(r);
    }

    private void applyImage(CoapExchange exchange, byte[] image, BlockOption lastBlock) {
      received.add(image);
      if (acceptOnly) {
        exchange.accept();
        return;
      }
      byte[] raw = cfgReply.get();
      long version = ImageCodec.versionOf(image).orElse(0);
      long crc = image.length >= 4 ? ImageCodec.crcOf(image) : 0;
      Response r;
      if (raw != null) {
        r = new Response(ResponseCode.CHANGED);
        r.setPayload(raw);
      } else {
        switch (answer) {
          case APPLY -> {
            r = new Response(ResponseCode.CHANGED);
            r.setPayload(Ack.applied(version, crc).toJson());
          }
          case REJECT_SCHEMA -> {
            r = new Response(ResponseCode.BAD_REQUEST);
            r.setPayload(Ack.rejected(version, crc, RejectionReason.SCHEMA).toJson());
          }
          default -> {
            return; // SILENT
          }
        }
      }
      r.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
      if (lastBlock != null) {
        r.getOptions().setBlock1(lastBlock.getSzx(), false, lastBlock.getNum());
      }
      exchange.respond(r);
      if (raw == null && answer == Answer.APPLY) {
        reportHealth(new Health(version, crc, true, 1, 1, "B"));
      }
    }
  }

  private static final class HealthResource extends CoapResource {
    private volatile byte[] current = new Health(0, 0, true, 0, 1, "A").toJson();
    private volatile boolean muted;

    HealthResource() {
      super("health");
      setObservable(true);
      setObserveType(Type.CON);
    }

    void report(byte[] body) {
      current = body;
      notifyObservers();
    }

    void notifyObservers() {
      if (!muted) {
        changed();
      }
    }

    void mute() {
      muted = true;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
      if (muted) {
        return; // no answer at all
      }
      Response r = new Response(ResponseCode.CONTENT);
      r.setPayload(current);
      r.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
      exchange.respond(r);
    }
  }

  private final class RebootResource extends CoapResource {
    RebootResource() {
      super("reboot");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
      if (resetReboots) {
        exchange.reject();
        return;
      }
      reboots.incrementAndGet();
      exchange.respond(ResponseCode.CHANGED);
    }
  }
}
