package io.edgeconf.agent.waves;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Health;
import java.time.Duration;
import java.util.Arrays;

/**
 * A scripted board with A/B slots: it applies an image by switching to it (an image it already runs
 * is acked without a switch, as the simulator does), and misbehaves only with images other than the
 * one it started with.
 */
final class FakeBoard {
  /** How the board treats images other than its initial one. */
  enum Fault {
    NONE,
    /** Answers {@code rejected} (reason {@code range}). */
    REJECT,
    /** Never answers a push. */
    NO_ACK,
    /** Applies, then never reports health. */
    SILENT,
    /** Applies, then reports {@code ok:false}. */
    UNHEALTHY,
    /** Applies, then crashes after {@link #crashAfter} and reverts to its previous slot. */
    CRASH_AFTER_APPLY
  }

  final String id;
  final String board;
  final Transport transport;
  final byte[] initial;
  volatile Fault fault = Fault.NONE;
  volatile Duration crashAfter = Duration.ofSeconds(5);

  /** After going back to its initial image, stays unhealthy until its reset line is pulsed. */
  volatile boolean stuckOnRevert;

  volatile boolean online = true;
  byte[] active;
  byte[] inactive;
  byte[] desired;
  boolean unhealthy;
  boolean silent;
  long boot = 1;
  int applies;
  int resets;

  /**
   * CRCs of images it crashed on: a retained copy of one is not applied again (as the simulator).
   */
  final java.util.Set<Long> failed = new java.util.HashSet<>();

  FakeBoard(String id, String board, Transport transport, byte[] initial) {
    this.id = id;
    this.board = board;
    this.transport = transport;
    this.initial = initial;
    this.active = initial;
  }

  boolean misbehavesWith(byte[] image) {
    return fault != Fault.NONE && !Arrays.equals(image, initial);
  }

  boolean runs(byte[] image) {
    return active != null && Arrays.equals(active, image);
  }

  /** Switches to an image (write to the inactive slot, swap). */
  void apply(byte[] image) {
    applies++;
    inactive = active;
    active = image;
    boolean bad = misbehavesWith(image);
    unhealthy = bad && fault == Fault.UNHEALTHY;
    silent = bad && fault == Fault.SILENT;
    if (Arrays.equals(image, initial) && stuckOnRevert) {
      unhealthy = true;
    }
  }

  /** Crashes and runs the previous slot. */
  void crashAndRevert() {
    byte[] bad = active;
    failed.add(ImageCodec.crcOf(bad));
    active = inactive;
    inactive = bad;
    boot++;
    silent = false;
    unhealthy = stuckOnRevert;
  }

  void reset() {
    resets++;
    boot++;
    unhealthy = false;
    silent = false;
  }

  Health health() {
    long version = active == null ? 0 : ImageCodec.versionOf(active).orElse(0);
    long crc = active == null ? 0 : ImageCodec.crcOf(active);
    return new Health(version, crc, !unhealthy, 10, boot, "A");
  }
}
