package io.edgeconf.bridge.transport.mqtt;

import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Says in one line why a connection to the broker failed, for logs: Paho wraps a TLS failure in an
 * {@link MqttException} whose own message is only "MqttException", and reports a refused login by
 * reason code. Stateless.
 */
public final class ConnectFailure {
  /** MQTT 5 CONNACK reason codes of a refused login. */
  private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;

  private static final int NOT_AUTHORIZED = 0x87;

  private ConnectFailure() {}

  /** The reason of a failed connection attempt: TLS, a refused login, or the root cause. */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("PKIX path building failed")) {
          return "TLS with the broker failed: its certificate is not signed by a trusted CA ("
              + m
              + ")";
        }
        if (m.contains("No subject alternative")) {
          return "TLS with the broker failed: its certificate does not name the host (" + m + ")";
        }
        return "TLS with the broker failed: " + m;
      }
    }
    if (e instanceof MqttException m) {
      int code = m.getReasonCode();
      if (code == BAD_USER_NAME_OR_PASSWORD) {
        return "the broker refused the user name or password (MQTT reason 0x86)";
      }
      if (code == NOT_AUTHORIZED) {
        return "the broker refused the login: not authorized (MQTT reason 0x87)";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
  }
}
