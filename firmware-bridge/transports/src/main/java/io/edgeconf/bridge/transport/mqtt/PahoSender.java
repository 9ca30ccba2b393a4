package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.TransportConfigException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes the {@link PublishQueue}'s messages with the Paho client and reports each outcome back
 * to the queue: sent, failed (to be retried) or refused by the broker (a reason code of 0x80 or
 * more: its ACL). Paho's callbacks only hand the outcome over to the scheduler. Thread-safe.
 */
final class PahoSender implements PublishQueue.Sender {
  private final MqttAsyncClient client;
  private final PublishQueue queue;
  private final MqttEvents events;

  PahoSender(MqttAsyncClient client, PublishQueue queue, MqttEvents events) {
    this.client = client;
    this.queue = queue;
    this.events = events;
  }

  @Override
  public void send(PublishQueue.Outgoing m, long generation) throws MqttException {
    client.publish(
        m.topic,
        m.payload,
        m.qos,
        m.retained,
        null,
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            if (code >= 0x80) {
              events.scheduleQuietly(
                  () ->
                      queue.refused(
                          m,
                          new TransportConfigException(
                              "broker refused the publish on "
                                  + m.topic
                                  + " (reason 0x"
                                  + Integer.toHexString(code)
                                  + "); check its ACL")),
                  0);
            } else {
              events.scheduleQuietly(() -> queue.sent(m, generation), 0);
            }
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            events.scheduleQuietly(() -> queue.failed(m, generation, e), 0);
          }
        });
  }
}
