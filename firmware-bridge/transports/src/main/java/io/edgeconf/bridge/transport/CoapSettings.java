package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.descriptor.DeviceId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the CoAP transport listens and how patient it is. Immutable; validated at construction. Build
 * with {@link #builder()}.
 *
 * @param bindHost the address to bind (default {@code 0.0.0.0})
 * @param port the plain CoAP port (default 5683; 0 picks a free one; -1 for none)
 * @param dtlsPort the CoAP-over-DTLS port (default -1, none; 0 picks a free one); needs keys
 * @param psks DTLS pre-shared keys by identity (the device id), as {@link PskFile#load} returns
 * @param ackTimeout CoAP's initial retransmission timeout (default 2 s)
 * @param maxRetransmit CoAP retransmissions of one message (default 4)
 * @param healthInterval how often boards report health (default 5 s): Observe is re-established
 *     after two silent intervals
 * @param silentIntervals after this many silent intervals a registered board counts as offline
 *     (default 3)
 * @param maxLifetime longest registration lifetime accepted (default 1 day)
 * @param maxBoards most boards tracked (default 10000)
 * @param maxConcurrentTransfers block-wise pushes in progress at once (default 32); more wait
 * @param maxQueuedPushes pushes waiting for a transfer slot (default 1000); beyond it {@link
 *     TransportBusyException}
 * @param maxBodyBytes largest request body the gateway accepts (default 4096: a registration);
 *     larger gets {@code 4.13}
 * @param maxRequestsPerSecond requests one peer may send per second (burst: twice that) before the
 *     rest count as {@link BadInput#FLOOD} (default 20)
 * @param sweepInterval how often lifetimes and silence are checked (default 500 ms)
 */
public record CoapSettings(
    String bindHost,
    int port,
    int dtlsPort,
    Map<String, byte[]> psks,
    Duration ackTimeout,
    int maxRetransmit,
    Duration healthInterval,
    int silentIntervals,
    Duration maxLifetime,
    int maxBoards,
    int maxConcurrentTransfers,
    int maxQueuedPushes,
    int maxBodyBytes,
    double maxRequestsPerSecond,
    Duration sweepInterval) {
  /** The IANA CoAP port. */
  public static final int DEFAULT_PORT = 5683;

  public CoapSettings {
    if (bindHost == null || bindHost.isEmpty()) {
      throw new TransportConfigException("bindHost must be given");
    }
    if (port < -1 || port > 65535 || dtlsPort < -1 || dtlsPort > 65535) {
      throw new TransportConfigException("ports " + port + ", " + dtlsPort + " out of range");
    }
    if (port == -1 && dtlsPort == -1) {
      throw new TransportConfigException("neither a CoAP nor a DTLS port is configured");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    (psks == null ? Map.<String, byte[]>of() : psks)
        .forEach(
            (id, key) -> {
              if (!DeviceId.isValid(id) || key == null || key.length == 0) {
                throw new TransportConfigException("PSK for '" + id + "' is invalid");
              }
              copy.put(id, key.clone());
            });
    psks = Collections.unmodifiableMap(copy);
    if (dtlsPort != -1 && psks.isEmpty()) {
      throw new TransportConfigException("a DTLS port needs pre-shared keys");
    }
    positive("ackTimeout", ackTimeout);
    positive("healthInterval", healthInterval);
    positive("maxLifetime", maxLifetime);
    positive("sweepInterval", sweepInterval);
    if (maxRetransmit < 0 || maxRetransmit > 20) {
      throw new TransportConfigException("maxRetransmit " + maxRetransmit + " is not 0 to 20");
    }
    if (silentIntervals < 2) {
      throw new TransportConfigException("silentIntervals " + silentIntervals + " is below 2");
    }
    if (maxBoards < 1 || maxConcurrentTransfers < 1 || maxQueuedPushes < 0) {
      throw new TransportConfigException("maxBoards, maxConcurrentTransfers must be positive");
    }
    if (maxBodyBytes < 64) {
      throw new TransportConfigException("maxBodyBytes " + maxBodyBytes + " is below 64");
    }
    if (!(maxRequestsPerSecond > 0)) {
      throw new TransportConfigException("maxRequestsPerSecond " + maxRequestsPerSecond);
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new TransportConfigException(name + " " + d + " must be positive");
    }
  }

  /** The key of a DTLS identity, if there is one (a copy). */
  public java.util.Optional<byte[]> psk(String identity) {
    return java.util.Optional.ofNullable(psks.get(identity)).map(byte[]::clone);
  }

  /** Like the record's, without the keys. */
  @Override
  public String toString() {
    return "CoapSettings[bind="
        + bindHost
        + ", port="
        + port
        + ", dtlsPort="
        + dtlsPort
        + ", psks="
        + psks.size()
        + " identities, ackTimeout="
        + ackTimeout
        + ", healthInterval="
        + healthInterval
        + "]";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CoapSettings}; every setting has the default documented there. */
  public static final class Builder {
    private String bindHost = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private int dtlsPort = -1;
    private Map<String, byte[]> psks = Map.of();
    private Duration ackTimeout = Duration.ofSeconds(2);
    private int maxRetransmit = 4;
    private Duration healthInterval = Duration.ofSeconds(5);
    private int silentIntervals = 3;
    private Duration maxLifetime = Duration.ofDays(1);
    private int maxBoards = 10_000;
    private int maxConcurrentTransfers = 32;
    private int maxQueuedPushes = 1000;
    private int maxBodyBytes = 4096;
    private double maxRequestsPerSecond = 20;
    private Duration sweepInterval = Duration.ofMillis(500);

    private Builder() {}

    public Builder bind(String host, int plainPort) {
      this.bindHost = host;
      this.port = plainPort;
      return this;
    }

    /** Enables CoAP over DTLS on this port with these keys. */
    public Builder dtls(int securePort, Map<String, byte[]> keys) {
      this.dtlsPort = securePort;
      this.psks = keys;
      return this;
    }

    public Builder ackTimeout(Duration value) {
      this.ackTimeout = value;
      return this;
    }

    public Builder maxRetransmit(int value) {
      this.maxRetransmit = value;
      return this;
    }

    public Builder healthInterval(Duration value) {
      this.healthInterval = value;
      return this;
    }

    public Builder silentIntervals(int value) {
      this.silentIntervals = value;
      return this;
    }

    public Builder maxLifetime(Duration value) {
      this.maxLifetime = value;
      return this;
    }

    public Builder maxBoards(int value) {
      this.maxBoards = value;
      return this;
    }

    public Builder maxConcurrentTransfers(int value) {
      this.maxConcurrentTransfers = value;
      return this;
    }

    public Builder maxQueuedPushes(int value) {
      this.maxQueuedPushes = value;
      return this;
    }

    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxRequestsPerSecond(double value) {
      this.maxRequestsPerSecond = value;
      return this;
    }

    public Builder sweepInterval(Duration value) {
      this.sweepInterval = value;
      return this;
    }

    public CoapSettings build() {
      return new CoapSettings(
          bindHost,
          port,
          dtlsPort,
          psks,
          ackTimeout,
          maxRetransmit,
          healthInterval,
          silentIntervals,
          maxLifetime,
          maxBoards,
          maxConcurrentTransfers,
          maxQueuedPushes,
          maxBodyBytes,
          maxRequestsPerSecond,
          sweepInterval);
    }
  }
}
