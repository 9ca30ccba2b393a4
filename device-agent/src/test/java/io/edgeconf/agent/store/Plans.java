package io.edgeconf.agent.store;

import io.edgeconf.agent.waves.DevicePlan;
import io.edgeconf.agent.waves.ModuleRef;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.List;
import java.util.Optional;

/** Rollout plans for store tests. */
final class Plans {
  private Plans() {}

  static final ModuleMetadata.Rollout SETTINGS = new ModuleMetadata.Rollout(10, 50, 1000, 0);

  static byte[] image(long version) {
    return ImageCodec.encode(new ConfigImage(0x1234L, version, 0xbeefL, new byte[] {1, 2, 3}));
  }

  /** A deploy plan of a module to the given esp32 boards (previous image: version - 1). */
  static RolloutPlan deploy(
      String id, StoredModule m, Optional<StoredModule> previous, String... devices) {
    return plan(id, RolloutKind.DEPLOY, m, previous, devices);
  }

  static RolloutPlan plan(
      String id,
      RolloutKind kind,
      StoredModule m,
      Optional<StoredModule> previous,
      String... devices) {
    List<DevicePlan> plans =
        java.util.Arrays.stream(devices)
            .map(
                d ->
                    new DevicePlan(
                        d,
                        "esp32",
                        Transport.MQTT,
                        image(m.version()),
                        m.version() > 1 ? Optional.of(image(m.version() - 1)) : Optional.empty(),
                        true))
            .toList();
    return new RolloutPlan(
        id,
        m.policy(),
        kind,
        new ModuleRef(m.version(), m.sha256()),
        previous.map(p -> new ModuleRef(p.version(), p.sha256())),
        SETTINGS,
        plans);
  }
}
