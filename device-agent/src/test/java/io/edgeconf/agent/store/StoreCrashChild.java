package io.edgeconf.agent.store;

import io.edgeconf.agent.waves.ImageRole;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.Outcome;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.schema.Sha256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The child process of {@link StoreCrashIT}: deploys version after version of one policy into the
 * store (each with a device journal line) until it is killed, printing "begin N" before and "done
 * N" after each deploy's transactions.
 */
public final class StoreCrashChild {
  private StoreCrashChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long version = Long.parseLong(args[1]);
    var random = new Random();
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      store.putDevice(
          new DeviceRecord(
              DeviceAttributes.of("esp32", "d1"),
              "mqtt",
              Optional.empty(),
              4096,
              true,
              "pending",
              null,
              null));
      while (true) {
        byte[] bytes = new byte[8192 + random.nextInt(32768)];
        random.nextBytes(bytes);
        var module =
            new StoredModule(
                Sha256.hex(bytes), "crash", version, bytes, Optional.empty(), Instant.now());
        System.out.println("begin " + version);
        System.out.flush();
        String id = "r" + version;
        store.activate(module, Plans.deploy(id, module, Optional.empty(), "d1"));
        store.append(
            JournalEntry.device(
                JournalEntry.Type.DEVICE_PUSHED,
                id,
                "d1",
                Optional.of(ImageRole.NEW),
                "",
                Instant.now()));
        store.append(JournalEntry.completed(id, Outcome.SUCCEEDED, List.of(), Instant.now()));
        store.finishRollout(id, "succeeded", 1, 1, 0);
        System.out.println("done " + version);
        System.out.flush();
        version++;
      }
    }
  }
}
