package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.message.Health;
import java.util.List;

/** A board driven by a test, over whichever transport. */
public interface ScriptedBoard extends AutoCloseable {
  /** How the board answers a pushed image. */
  enum Answer {
    APPLY,
    REJECT_SCHEMA,
    SILENT
  }

  String id();

  /** Announces itself ({@code hello} + {@code online}, or a registration). */
  void announce() throws Exception;

  void answer(Answer answer);

  /** Sends (or notifies) a health report. */
  void reportHealth(Health health) throws Exception;

  /** Goes away: will/offline over MQTT, a lapsing registration over CoAP. */
  void goOffline() throws Exception;

  /** The images received, in order. */
  List<byte[]> received();

  /** Reboot requests received. */
  int reboots();

  @Override
  void close();
}
