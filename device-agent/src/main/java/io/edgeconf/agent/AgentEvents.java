package io.edgeconf.agent;

import io.edgeconf.agent.store.DeviceRecord;
import java.util.Map;

/**
 * Where the agent's core reports what happens: events, a changed status, a changed device. The
 * management API publishes them over MQTT. Implementations must not block.
 */
public interface AgentEvents {
  /** An event of management-api.md ({@code module_activated}, {@code device_applied}, ...). */
  void event(String type, Map<String, Object> fields);

  /** The status document changed. */
  void statusChanged();

  /** A device's entry changed. */
  void deviceChanged(DeviceRecord device);

  /** Discards everything. */
  AgentEvents NONE =
      new AgentEvents() {
        @Override
        public void event(String type, Map<String, Object> fields) {}

        @Override
        public void statusChanged() {}

        @Override
        public void deviceChanged(DeviceRecord device) {}
      };
}
