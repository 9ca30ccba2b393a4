package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.BoardTransportContract;
import io.edgeconf.bridge.transport.BoardTransports;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.ScriptedBoard;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The contract against the MQTT transport and the shared Mosquitto on 127.0.0.1:1883. */
class MqttContractIT extends BoardTransportContract {
  static final String BROKER = "tcp://127.0.0.1:1883";

  private String root() {
    return "t-" + suffix + "/ec/d";
  }

  @Override
  protected BoardTransport newTransport(ScheduledExecutorService scheduler, Clock clock) {
    return BoardTransports.mqtt(
        MqttSettings.builder(BROKER, "gw-" + suffix).topicRoot(root()).build(), scheduler, clock);
  }

  @Override
  protected ScriptedBoard newBoard(String id) throws Exception {
    return new ScriptedMqttBoard(BROKER, root(), id);
  }

  @Override
  protected Transport kind() {
    return Transport.MQTT;
  }

  @Override
  protected RebootResult.Status rebootAnswer() {
    return RebootResult.Status.UNSUPPORTED;
  }
}
