package io.edgeconf.agent.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.AgentEvents;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.mqtt.BrokerLogin;
import io.edgeconf.bridge.transport.mqtt.ConnectFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API over MQTT 5: subscribes to the gateway's and its groups' command topics,
 * answers on each request's response topic with its correlation data (on {@code events} when there
 * is none), and publishes the retained status, device entries, events and {@code online} (with a
 * last will of {@code 0}).
 *
 * <p>Paho callbacks only hand work over: commands run on the injected command executor,
 * publications on the injected single-threaded publisher, and (re)subscription after every
 * (re)connect on the publisher too, never inside a callback. Thread-safe.
 */
public final class ManagementApi implements AgentEvents, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagementApi.class);

  /** Paho error 32202: too many publishes in flight (back-pressure, retried). */
  private static final int TOO_MANY_PUBLISHES = 32202;

  private final String gateway;
  private final List<String> groups;
  private final CommandRouter router;
  private final Documents documents;
  private final ExecutorService commands;
  private final ExecutorService publisher;
  private final Clock clock;
  private final MqttSettings broker;
  private final MqttAsyncClient client;
  private final AtomicBoolean statusQueued = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * @param broker the broker, its client id, login and TLS files (the same as the board
   *     transport's); its topic root and limits are not used
   */
  public ManagementApi(
      MqttSettings broker,
      String gateway,
      List<String> groups,
      CommandRouter router,
      Documents documents,
      ExecutorService commands,
      ExecutorService publisher,
      Clock clock) {
    this.gateway = gateway;
    this.groups = List.copyOf(groups);
    this.router = router;
    this.documents = documents;
    this.commands = commands;
    this.publisher = publisher;
    this.clock = clock;
    this.broker = broker;
    try {
      this.client =
          new MqttAsyncClient(broker.brokerUri(), broker.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new io.edgeconf.agent.AgentException(
          ErrorCode.INTERNAL, "bad broker URL " + broker.brokerUri() + ": " + e.getMessage(), e);
    }
    client.setCallback(new Callback());
  }

  /** Opened once the command topics are first subscribed: commands sent from then on are heard. */
  private final CountDownLatch listening = new CountDownLatch(1);

  /**
   * Connects (retrying in the background until the broker answers) and waits up to the timeout for
   * the first connection and the command subscription, so that a command sent once the agent says
   * it started is heard.
   */
  public void start(long waitMillis) {
    long until = System.nanoTime() + waitMillis * 1_000_000;
    var options = new MqttConnectionOptions();
    this.options = options;
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 10);
    options.setCleanStart(true);
    options.setKeepAliveInterval(seconds(broker.keepAlive()));
    options.setConnectionTimeout(seconds(broker.connectTimeout()));
    BrokerLogin.apply(broker, options);
    var will = new MqttMessage("0".getBytes(StandardCharsets.US_ASCII), 1, true, null);
    options.setWill(Topics.online(gateway), will);
    try {
      IMqttToken token = client.connect(options);
      token.waitForCompletion(waitMillis);
      long left = Math.max(0, until - System.nanoTime());
      if (!listening.await(left, TimeUnit.NANOSECONDS)) {
        log.warn("management API: not subscribed yet after {} ms; carrying on", waitMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (MqttException e) {
      lastFailure = ConnectFailure.describe(e);
      log.warn(
          "management API: cannot connect to broker {}: {}; retrying",
          broker.brokerUri(),
          lastFailure);
      // Paho's automatic reconnect only covers connections that once succeeded.
      publisher.execute(() -> retryConnect(options));
    }
  }

  private static int seconds(java.time.Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
  }

  private volatile MqttConnectionOptions options;

  /** The reason of the latest failed attempt, logged again only when it changes. */
  private volatile String lastFailure = "";

  private void retryConnect(MqttConnectionOptions options) {
    int attempts = 0;
    while (!closed && !client.isConnected()) {
      try {
        client.connect(options).waitForCompletion(10_000);
      } catch (MqttException e) {
        if (closed || e.getCause() instanceof InterruptedException) {
          return; // shutting down: the failure is ours
        }
        String why = ConnectFailure.describe(e);
        attempts++;
        // Once per reason, and again every 60 attempts, so the journal shows it is still failing.
        if (!why.equals(lastFailure) || attempts % 60 == 0) {
          log.warn(
              "management API: cannot connect to broker {}: {}; retrying every second (retry {})",
              broker.brokerUri(),
              why,
              attempts);
          lastFailure = why;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Whether the client is connected now. */
  public boolean connected() {
    return client.isConnected();
  }

  private void onConnected(boolean reconnect) {
    lastFailure = "";
    try {
      List<String> filters = new ArrayList<>();
      filters.add(Topics.commandFilter(gateway));
      groups.forEach(g -> filters.add(Topics.fleetFilter(g)));
      int[] qos = filters.stream().mapToInt(f -> 1).toArray();
      client.subscribe(filters.toArray(String[]::new), qos).waitForCompletion(10_000);
      listening.countDown();
      publish(Topics.online(gateway), "1".getBytes(StandardCharsets.US_ASCII), true, null);
      publishStatus();
      for (DeviceRecord d : router == null ? List.<DeviceRecord>of() : deviceList()) {
        deviceChanged(d);
      }
      log.info(
          "management API {} on ec/gw/{}/cmd/+ (groups {})",
          reconnect ? "resubscribed" : "listening",
          gateway,
          groups);
    } catch (MqttException e) {
      log.error("management API: cannot subscribe: {}", e.getMessage());
    }
  }

  private List<DeviceRecord> deviceList() {
    return documentsDevices.get();
  }

  private volatile java.util.function.Supplier<List<DeviceRecord>> documentsDevices = List::of;

  /** Where the retained device entries come from after a (re)connect. */
  public void devices(java.util.function.Supplier<List<DeviceRecord>> source) {
    this.documentsDevices = source;
  }

  private void onCommand(String topic, MqttMessage message) {
    String verb = Topics.verb(topic).orElse("");
    byte[] payload = message.getPayload();
    ObjectNode answer =
        verb.isEmpty()
            ? CommandRouter.error(ErrorCode.NOT_FOUND, "not a command topic: " + topic)
            : router.handle(verb, payload, "mqtt:" + topic);
    MqttProperties props = message.getProperties();
    String responseTopic = props == null ? null : props.getResponseTopic();
    byte[] correlation = props == null ? null : props.getCorrelationData();
    byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
    if (responseTopic != null
        && !responseTopic.isEmpty()
        && !responseTopic.contains("#")
        && !responseTopic.contains("+")) {
      var out = new MqttProperties();
      if (correlation != null) {
        out.setCorrelationData(correlation);
      }
      publisher.execute(() -> publishNow(responseTopic, body, false, out));
    } else {
      event("command_answer", Map.of("verb", verb, "topic", topic, "answer", answer));
    }
  }

  // ---- AgentEvents

  @Override
  public void event(String type, Map<String, Object> fields) {
    ObjectNode e = Documents.MAPPER.createObjectNode();
    e.put("event", type).put("gateway", gateway).put("at", clock.instant().toString());
    fields.forEach((k, v) -> e.set(k, Documents.MAPPER.valueToTree(v)));
    publish(Topics.events(gateway), e.toString().getBytes(StandardCharsets.UTF_8), false, null);
  }

  @Override
  public void statusChanged() {
    // Coalesce bursts: one publication of the latest status per burst.
    if (statusQueued.compareAndSet(false, true)) {
      publisher.execute(
          () -> {
            statusQueued.set(false);
            publishStatus();
          });
    }
  }

  private void publishStatus() {
    byte[] body;
    try {
      body = documents.status().toString().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      log.error("cannot build the status document: {}", e.getMessage());
      return;
    }
    publishNow(Topics.status(gateway), body, true, null);
  }

  @Override
  public void deviceChanged(DeviceRecord device) {
    publisher.execute(
        () -> {
          byte[] body = documents.device(device).toString().getBytes(StandardCharsets.UTF_8);
          publishNow(Topics.device(gateway, device.id()), body, true, null);
        });
  }

  private void publish(String topic, byte[] body, boolean retain, MqttProperties props) {
    if (!closed) {
      publisher.execute(() -> publishNow(topic, body, retain, props));
    }
  }

  /** Publishes on the publisher thread, retrying Paho's back-pressure error. */
  private void publishNow(String topic, byte[] body, boolean retain, MqttProperties props) {
    if (closed || !client.isConnected()) {
      return; // retained state is republished on (re)connect; events are fire-and-forget
    }
    var message = new MqttMessage(body, 1, retain, props == null ? new MqttProperties() : props);
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        client.publish(topic, message).waitForCompletion(10_000);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != TOO_MANY_PUBLISHES) {
          log.warn("cannot publish on {}: {}", topic, e.getMessage());
          return;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    log.warn("dropped a publication on {}: the client stayed busy", topic);
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (client.isConnected()) {
        var m = new MqttMessage("0".getBytes(StandardCharsets.US_ASCII), 1, true, null);
        client.publish(Topics.online(gateway), m).waitForCompletion(2000);
        client.disconnect().waitForCompletion(2000);
      }
    } catch (MqttException e) {
      log.debug("disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("close: {}", e.getMessage());
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      log.warn("management API disconnected: {}", response.getReasonString());
      // Paho's automatic reconnect does not always start after a lost broker: keep trying here.
      MqttConnectionOptions o = options;
      if (!closed && o != null) {
        publisher.execute(() -> retryConnect(o));
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("management API error: {}", exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (!closed) {
        commands.execute(() -> onCommand(topic, message));
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      publisher.execute(() -> onConnected(reconnect));
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
