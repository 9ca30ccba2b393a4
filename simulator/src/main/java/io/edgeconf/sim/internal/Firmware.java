package io.edgeconf.sim.internal;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.ImageRejectedException;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.bridge.wire.WireFormatException;
import io.edgeconf.sim.FirmwareModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a board's firmware does with config images, without any transport: check an image as
 * firmware built from a policy's C header does, write it to the inactive slot and switch, revert,
 * and report health. Thread-safe (every method holds the lock).
 */
public final class Firmware {
  private final Board board;
  private final Flash flash;
  private final Optional<FirmwareModule> module;
  private final InstantSource clock;
  private final Set<Long> failed = new HashSet<>();
  private Instant bootedAt;
  private boolean unhealthy;

  /**
   * @param board the board type (its capacity)
   * @param flash its flash
   * @param module the module the firmware is built from; empty: it binds to its first image
   * @param clock the time source of uptimes
   */
  public Firmware(Board board, Flash flash, Optional<FirmwareModule> module, InstantSource clock) {
    this.board = board;
    this.flash = flash;
    this.module = module;
    this.clock = clock;
    this.bootedAt = clock.instant();
  }

  /**
   * What runs: the active slot's image and its decoded fields.
   *
   * @param slot the active slot, empty when none
   * @param version the image version, 0 when none
   * @param crc the image CRC-32C, 0 when none
   * @param values the fields when the schema is known, else empty
   */
  public record Running(Optional<Slot> slot, long version, long crc, Map<String, Object> values) {}

  /** Boots: checks the slots, counts the boot, starts the uptime. */
  public synchronized Flash.BootReport boot() throws IOException {
    bootedAt = clock.instant();
    unhealthy = false;
    return flash.boot();
  }

  /** The policy the firmware accepts: the module's, else the one it bound itself to. */
  public synchronized Optional<FirmwareBinding> binding() {
    return module.map(FirmwareModule::binding).or(flash::binding);
  }

  private Optional<PolicySchema> schemaFor(ConfigImage image) {
    return module
        .flatMap(FirmwareModule::schema)
        .filter(s -> s.policyId() == image.policyId() && s.schemaHash() == image.schemaHash());
  }

  /**
   * Checks an image: structure, capacity, binding, and field ranges when the schema is known.
   *
   * @throws ImageRejectedException with the reason the board answers
   */
  public synchronized ConfigImage check(byte[] bytes) {
    ConfigImage image = ImageCodec.verify(bytes, board.maxImageBytes(), binding().orElse(null));
    schemaFor(image).ifPresent(s -> PayloadCodec.decode(s, image.payload()));
    return image;
  }

  /** Whether this exact image is the one running. */
  public synchronized boolean runs(byte[] bytes) {
    return flash.activeImage().map(a -> Arrays.equals(a, bytes)).orElse(false);
  }

  /** Writes a checked image to the inactive slot, switches to it, and binds if unbound. */
  public synchronized Slot apply(byte[] bytes, ConfigImage image) throws IOException {
    Slot slot = flash.write(bytes);
    if (binding().isEmpty()) {
      flash.bind(FirmwareBinding.of(image));
    }
    failed.remove(ImageCodec.crcOf(bytes));
    unhealthy = false;
    return slot;
  }

  /** Tears the inactive slot (a power cut mid-write); the image counts as failed. */
  public synchronized void writeTorn(byte[] bytes) throws IOException {
    flash.writeTorn(bytes);
    failed.add(ImageCodec.crcOf(bytes));
  }

  /** Goes back to the previous slot; the image that ran counts as failed. */
  public synchronized Running revert() throws IOException {
    flash.revert().ifPresent(b -> failed.add(ImageCodec.crcOf(b)));
    unhealthy = false;
    return running();
  }

  /** Whether an image with this CRC failed here (reverted or torn) since the process started. */
  public synchronized boolean hasFailed(long crc) {
    return failed.contains(crc);
  }

  public synchronized void setUnhealthy(boolean value) {
    unhealthy = value;
  }

  public synchronized boolean healthy() {
    return !unhealthy;
  }

  public synchronized long bootCount() {
    return flash.bootCount();
  }

  public synchronized Health health() {
    Running r = running();
    long uptime = Math.max(0, Duration.between(bootedAt, clock.instant()).toSeconds());
    return new Health(
        r.version(),
        r.crc(),
        !unhealthy,
        uptime,
        flash.bootCount(),
        r.slot().map(Slot::name).orElse(""));
  }

  public synchronized Running running() {
    Optional<byte[]> active = flash.activeImage();
    if (active.isEmpty()) {
      return new Running(Optional.empty(), 0, 0, Map.of());
    }
    byte[] bytes = active.get();
    try {
      ConfigImage image = ImageCodec.decode(bytes);
      Map<String, Object> values =
          schemaFor(image).map(s -> PayloadCodec.decode(s, image.payload())).orElse(Map.of());
      return new Running(flash.activeSlot(), image.version(), ImageCodec.crcOf(bytes), values);
    } catch (WireFormatException e) {
      return new Running(flash.activeSlot(), 0, ImageCodec.crcOf(bytes), Map.of());
    }
  }
}
