package io.edgeconf.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile DTLS handshakes against a gateway from several threads ({@link DtlsAttacker}, a fresh
 * port each), each carrying a CoAP registration: even attempts use a wrong key for a known identity
 * (a legitimate board's id), odd ones unknown identities. They go on until {@link #finish} is
 * called and at least the minimum was made, never past the maximum.
 */
final class HandshakeStorm {
  /**
   * What the storm did.
   *
   * @param attempts handshakes tried
   * @param established handshakes that succeeded (none should)
   * @param sentFinished failed handshakes that got as far as the client's Finished: the gateway
   *     held a handshake for each until it failed
   * @param outcomes how attempts ended, by kind and failure
   */
  record Result(int attempts, int established, int sentFinished, Map<String, Integer> outcomes) {}

  private final DtlsAttacker attacker;
  private final List<String> known;
  private final String prefix;
  private final long seed;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger established = new AtomicInteger();
  private final AtomicInteger sentFinished = new AtomicInteger();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
  private final List<Future<?>> workers = new ArrayList<>();
  private ExecutorService pool;

  /**
   * @param known identities the gateway has keys for
   * @param prefix starts the unknown identities
   */
  HandshakeStorm(InetSocketAddress gateway, List<String> known, String prefix, long seed) {
    this.attacker = new DtlsAttacker(gateway);
    this.known = List.copyOf(known);
    this.prefix = prefix;
    this.seed = seed;
  }

  /** Starts the threads; attempts number {@code minimum} at least and {@code maximum} at most. */
  void start(int threads, int minimum, int maximum) {
    pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      Random r = new Random(seed + t);
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < maximum && (i < minimum || !stop.get());
                    i = next.getAndIncrement()) {
                  attempt(r, i);
                }
                return null;
              }));
    }
  }

  private void attempt(Random r, int i) throws Exception {
    boolean wrongKey = i % 2 == 0;
    String identity = wrongKey ? known.get(r.nextInt(known.size())) : prefix + "-intruder-" + i;
    byte[] key = new byte[16];
    r.nextBytes(key);
    var a = attacker.attempt(identity, key, registration(identity, i));
    established.addAndGet(a.established() ? 1 : 0);
    sentFinished.addAndGet(a.sentFinished() ? 1 : 0);
    String failure = a.established() ? "established" : a.failure().replaceAll("\\d+", "N");
    outcomes.merge((wrongKey ? "wrong key: " : "unknown identity: ") + failure, 1, Integer::sum);
  }

  /** Stops once the minimum is reached, waits for the threads and says what happened. */
  Result finish() throws Exception {
    stop.set(true);
    for (var w : workers) {
      w.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    int attempts = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    return new Result(attempts, established.get(), sentFinished.get(), new TreeMap<>(outcomes));
  }

  /** A CoAP registration as an nRF52840 board sends it. */
  static byte[] registration(String ep, int mid) {
    return new Coap(Coap.CON, Coap.POST, mid & 0xFFFF, new byte[] {(byte) mid, 1, 2, 3})
        .option(Coap.URI_PATH, "rd")
        .option(Coap.URI_QUERY, "ep=" + ep)
        .option(Coap.URI_QUERY, "lt=60")
        .payload(
            "{\"board\":\"nrf52840\",\"fw\":\"1.0.0\",\"max_image\":2048}"
                .getBytes(StandardCharsets.UTF_8))
        .encode();
  }
}
