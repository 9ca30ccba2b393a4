package io.edgeconf.agent;

import io.edgeconf.agent.api.CommandRouter;
import io.edgeconf.agent.api.Documents;
import io.edgeconf.agent.api.ManagementApi;
import io.edgeconf.agent.broker.EmbeddedBroker;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.device.DeviceRegistry;
import io.edgeconf.agent.gpio.LongPressRollback;
import io.edgeconf.agent.gpio.StatusLight;
import io.edgeconf.agent.inbox.InboxWatcher;
import io.edgeconf.agent.policy.Convergence;
import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.agent.rollout.DeviceJournal;
import io.edgeconf.agent.rollout.RolloutPublisher;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.vetting.ModuleVetter;
import io.edgeconf.agent.vetting.VettingSettings;
import io.edgeconf.agent.waves.EngineSettings;
import io.edgeconf.agent.waves.RolloutEngine;
import io.edgeconf.bridge.module.TrustedKeys;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.BoardTransports;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.PskFile;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.TransportException;
import io.edgeconf.bridge.transport.TransportHub;
import io.edgeconf.hardware.GatewayHardware;
import io.edgeconf.hardware.GatewayHardwareFactory;
import io.edgeconf.hardware.StatusPattern;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway agent service: store, sandbox, vetting, hot swap, the rollout engine (resumed from
 * its journal at start), convergence of new boards, the gateway's hardware (status LED, reset
 * lines, button), the management API, the inbox and (optionally) an embedded broker, wired from an
 * {@link AgentConfig}. Construct, {@link #start()}, {@link #close()}. The board transport may be
 * injected (tests); by default the agent builds the MQTT and CoAP transports of the bridge.
 */
public final class GatewayAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayAgent.class);

  /** How long a restarted agent waits for the transport to know the journaled boards again. */
  private static final java.time.Duration RESUME_SETTLE = java.time.Duration.ofSeconds(10);

  private final AgentConfig config;
  private final Clock clock;
  private final Function<String, BoardTransport> transportFactory;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private EmbeddedBroker broker;
  private String brokerUrl;
  private BrokerSettings brokerSettings;
  private PolicyService service;
  private ManagementApi api;
  private CommandRouter router;
  private InboxWatcher inbox;
  private GatewayHardware hardware;
  private volatile BoardTransport transport;

  /** An agent that builds its own board transports. */
  public GatewayAgent(AgentConfig config) {
    this(config, Clock.systemUTC(), null);
  }

  /**
   * An agent with an injected board transport.
   *
   * @param transportFactory builds the board transport from the broker URL in force; null for the
   *     bridge's MQTT and CoAP transports
   */
  public GatewayAgent(
      AgentConfig config, Clock clock, Function<String, BoardTransport> transportFactory) {
    this.config = config;
    this.clock = clock;
    this.transportFactory = transportFactory;
  }

  /**
   * Starts every part. Returns once the management API's first connection attempt is done (it keeps
   * retrying in the background when the broker is not there yet).
   *
   * @throws AgentException when the store, broker or a port cannot be opened
   */
  public synchronized void start() {
    long started = System.nanoTime();
    if (config.allowUnsigned()) {
      log.warn(
          "*** allow-unsigned is ON: modules without a trusted signature are accepted."
              + " Local development only. ***");
    }
    brokerUrl = config.brokerUrl();
    if (config.embeddedBrokerPort().isPresent()) {
      broker = EmbeddedBroker.start(config.embeddedBrokerPort().get());
      resources.add(broker);
      brokerUrl = broker.url();
      log.info("embedded MQTT 5 broker on {}", brokerUrl);
    }
    brokerSettings = BrokerSettings.of(config, brokerUrl, broker != null);
    AgentStore store = AgentStore.open(config.stateDir(), clock);
    resources.add(0, store);
    var limits = new SandboxLimits(config.callTimeout(), config.maxMemoryPages());
    var sandbox =
        new Sandbox(
            executor(Executors.newCachedThreadPool(new NamedThreads("ec-sandbox"))), limits);
    var vetter =
        new ModuleVetter(
            sandbox,
            new VettingSettings(
                config.maxModuleBytes(),
                config.maxMemoryPages(),
                trustedKeys(),
                config.allowUnsigned()));
    ScheduledExecutorService scheduler =
        Executors.newScheduledThreadPool(2, new NamedThreads("ec-sched"));
    executor(scheduler);
    try {
      transport =
          transportFactory != null ? transportFactory.apply(brokerUrl) : boardTransport(scheduler);
    } catch (TransportConfigException e) {
      throw new AgentException(ErrorCode.MALFORMED, "board transports: " + e.getMessage(), e);
    }
    resources.add(0, transport);
    var devices =
        new DeviceRegistry(
            store, executor(Executors.newSingleThreadExecutor(new NamedThreads("ec-devices"))));
    hardware = GatewayHardwareFactory.open(config.wiringFile(), scheduler);
    resources.add(0, hardware);
    var journal = new DeviceJournal(store, devices);
    var publisher = new RolloutPublisher();
    var engine =
        new RolloutEngine(
            transport,
            Optional.of(hardware),
            journal,
            publisher,
            engineSettings(),
            scheduler,
            clock);
    resources.add(0, engine);
    service =
        new PolicyService(
            vetter,
            sandbox,
            store,
            devices,
            engine,
            publisher,
            executor(Executors.newSingleThreadExecutor(new NamedThreads("ec-rollout"))),
            clock);
    service.restore();
    var light = new StatusLight(hardware, service);
    service.onStateChange(light::update);
    light.update();
    hardware.onLongPress(new LongPressRollback(service, scheduler));
    var convergence =
        new Convergence(
            service,
            sandbox,
            transport,
            config.pushTimeout(),
            executor(Executors.newSingleThreadExecutor(new NamedThreads("ec-converge"))));
    devices.onNewBoard(convergence::boardSeen);
    service.onIdle(convergence::sweep);
    var documents = new Documents(config.gatewayId(), service);
    router =
        new CommandRouter(
            service, documents, transport, Optional.of(hardware), config.maxModuleBytes());
    api =
        new ManagementApi(
            brokerSettings.forClient("ec-agent-" + config.gatewayId()).build(),
            config.gatewayId(),
            config.groups(),
            router,
            documents,
            executor(Executors.newFixedThreadPool(2, new NamedThreads("ec-cmd"))),
            executor(Executors.newSingleThreadExecutor(new NamedThreads("ec-publish"))),
            clock);
    api.devices(devices::all);
    resources.add(0, api);
    service.events(api);
    devices.onChange(api::deviceChanged);
    transport.addListener(devices);
    transport.addListener(new RetainedRepublisher(transport));
    java.util.Set<String> resumeBoards = service.prepareResume();
    journal.reflectLatest(store.openJournals());
    try {
      transport.start();
    } catch (TransportException e) {
      throw new AgentException(
          ErrorCode.INTERNAL, "cannot start the board transports: " + e.getMessage(), e);
    }
    api.start(5_000);
    new Resumer(service, transport, scheduler, clock, RESUME_SETTLE).start(resumeBoards);
    inbox = new InboxWatcher(config.inboxDir(), service, config.maxModuleBytes());
    try {
      inbox.start(scheduler, config.inboxScan().toMillis());
    } catch (IOException e) {
      throw new AgentException(
          ErrorCode.INTERNAL, "cannot create the inbox " + config.inboxDir(), e);
    }
    resources.add(0, inbox);
    log.info(
        "gateway {} started in {} ms (broker {}, state {})",
        config.gatewayId(),
        (System.nanoTime() - started) / 1_000_000,
        brokerSettings,
        config.stateDir());
  }

  private EngineSettings engineSettings() {
    var s =
        EngineSettings.defaults()
            .withTimeouts(
                config.pushTimeout(),
                config.firstHealthTimeout(),
                config.revertTimeout(),
                config.resetWait());
    return config.healthWindow().map(s::withHealthWindow).orElse(s);
  }

  private <T extends ExecutorService> T executor(T e) {
    executors.add(e);
    return e;
  }

  private TrustedKeys trustedKeys() {
    if (!Files.isDirectory(config.trustDir())) {
      log.warn(
          "trust directory {} does not exist: no module signature can be trusted",
          config.trustDir());
      return TrustedKeys.none();
    }
    try {
      var keys =
          TrustedKeys.load(config.trustDir(), problem -> log.warn("trust directory: {}", problem));
      log.info("{} trusted key(s): {}", keys.size(), keys.ids());
      return keys;
    } catch (IOException e) {
      throw new AgentException(ErrorCode.INTERNAL, "cannot read " + config.trustDir(), e);
    }
  }

  private BoardTransport boardTransport(ScheduledExecutorService scheduler) {
    List<BoardTransport> transports = new ArrayList<>();
    transports.add(
        BoardTransports.mqtt(
            brokerSettings
                .forClient("ec-gw-" + config.gatewayId() + "-boards")
                .topicRoot(config.deviceTopicRoot())
                .build(),
            scheduler,
            clock));
    if (config.coapPort() >= 0) {
      String bind = coapBindAddress();
      var coap = CoapSettings.builder().bind(bind, config.coapPort());
      if (config.pskFile().isPresent()) {
        Map<String, byte[]> keys = PskFile.load(config.pskFile().get());
        coap = CoapSettings.builder().bind(bind, -1).dtls(config.coapPort(), keys);
      }
      transports.add(BoardTransports.coap(coap.build(), scheduler, clock));
    }
    return new TransportHub(transports);
  }

  /** The CoAP bind address as an IP literal: a host name is looked up once, here. */
  private String coapBindAddress() {
    if (config.coapBind().isEmpty()) {
      return "0.0.0.0";
    }
    String host = config.coapBind().get();
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new AgentException(
          ErrorCode.MALFORMED,
          "coap-bind '" + host + "': unknown host (" + e.getMessage() + ")",
          e);
    }
  }

  /** The broker URL in force (the embedded broker's when there is one). */
  public String brokerUrl() {
    return brokerUrl;
  }

  /** The embedded broker, if this agent runs one. */
  public Optional<EmbeddedBroker> embeddedBroker() {
    return Optional.ofNullable(broker);
  }

  /** The policy service (deploy, plan, rollback) for in-process callers. */
  public PolicyService service() {
    return service;
  }

  /** The command router: the management API without MQTT. */
  public CommandRouter router() {
    return router;
  }

  /** The gateway's hardware (Pi4J's mock provider without a wiring file). */
  public GatewayHardware hardware() {
    return hardware;
  }

  /**
   * The board transports' counts of ignored input by cause (malformed messages, floods, failed DTLS
   * handshakes: device-protocol.md, "Bad input") since {@link #start()}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public BadInputCounters badInput() {
    BoardTransport t = transport;
    if (t == null) {
      throw new IllegalStateException("the agent has not started");
    }
    return t.badInput();
  }

  /** Whether the management API is connected. */
  public boolean connected() {
    return api != null && api.connected();
  }

  /** Stops every part, newest first. */
  @Override
  public synchronized void close() {
    if (hardware != null) {
      hardware.show(StatusPattern.OFF);
    }
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        log.warn("closing {}: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
    resources.clear();
    executors.forEach(ExecutorService::shutdownNow);
    executors.clear();
    log.info("gateway {} stopped", config.gatewayId());
  }
}
