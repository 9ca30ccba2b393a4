package io.edgeconf.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.image.FirmwareBinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Flash kept in files, one directory per board: {@code slot-A.bin}, {@code slot-B.bin} (raw image
 * bytes) and {@code meta.json} ({@code {"active":"A","boot":3,"policy_id":…,"schema_hash":…}}).
 * Every complete write goes to a temporary file that is fsynced, then atomically renamed over the
 * old one, and the directory is fsynced: a crash leaves the old file or the new one, never a mix. A
 * torn write (the {@code power-cut} fault) writes half the image straight over the slot file.
 */
public final class FileFlashStore implements FlashStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String META = "meta.json";

  private final Path dir;

  public FileFlashStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  @Override
  public Contents load() throws IOException {
    Map<Slot, byte[]> slots = new EnumMap<>(Slot.class);
    for (Slot slot : Slot.values()) {
      Path file = slotFile(slot);
      if (Files.exists(file)) {
        slots.put(slot, Files.readAllBytes(file));
      }
    }
    return new Contents(readMeta(), slots);
  }

  private FlashMeta readMeta() throws IOException {
    Path file = dir.resolve(META);
    if (!Files.exists(file)) {
      return FlashMeta.blank();
    }
    JsonNode node = JSON.readTree(file.toFile());
    if (node == null || !node.isObject()) {
      throw new IOException(file + " is not a JSON object");
    }
    Optional<Slot> active =
        node.path("active").isTextual()
            ? Optional.of(Slot.valueOf(node.get("active").textValue()))
            : Optional.empty();
    Optional<FirmwareBinding> binding =
        node.path("policy_id").canConvertToLong()
            ? Optional.of(
                new FirmwareBinding(
                    node.get("policy_id").longValue(), node.path("schema_hash").longValue()))
            : Optional.empty();
    return new FlashMeta(active, node.path("boot").asLong(0), binding);
  }

  @Override
  public void writeSlot(Slot slot, byte[] image) throws IOException {
    writeAtomically(slotFile(slot), image);
  }

  @Override
  public void writeTorn(Slot slot, byte[] image) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            slotFile(slot),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(Arrays.copyOf(image, image.length / 2)));
      ch.force(true);
    }
  }

  @Override
  public void writeMeta(FlashMeta meta) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    meta.active().ifPresentOrElse(s -> node.put("active", s.name()), () -> node.putNull("active"));
    node.put("boot", meta.boot());
    meta.binding()
        .ifPresent(
            b -> {
              node.put("policy_id", b.policyId());
              node.put("schema_hash", b.schemaHash());
            });
    writeAtomically(dir.resolve(META), JSON.writeValueAsBytes(node));
  }

  private Path slotFile(Slot slot) {
    return dir.resolve("slot-" + slot.name() + ".bin");
  }

  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
  }

  private void syncDirectory() {
    // Makes the rename durable; some file systems refuse to open a directory, which is harmless.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // best effort
    }
  }
}
