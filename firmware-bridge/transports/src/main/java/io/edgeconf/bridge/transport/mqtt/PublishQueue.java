package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.TransportBusyException;
import io.edgeconf.bridge.transport.TransportClosedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bounded outgoing queue in front of the MQTT client. At most {@code maxInflight} publishes
 * await their PUBACK; the rest wait here. A publish the client refuses (error 32202 "too many
 * publishes in progress", or not connected) goes back to the front and is retried; none is dropped.
 * Publishes in flight when the connection drops are sent again after reconnecting (retained config
 * images are idempotent). Thread-safe.
 */
final class PublishQueue {
  /** Sends one message; the outcome arrives through {@link #sent} or {@link #failed}. */
  interface Sender {
    void send(Outgoing message, long generation) throws Exception;
  }

  /** One publish. */
  static final class Outgoing {
    final String topic;
    final byte[] payload;
    final int qos;
    final boolean retained;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Outgoing(String topic, byte[] payload, int qos, boolean retained) {
      this.topic = topic;
      this.payload = payload;
      this.qos = qos;
      this.retained = retained;
    }
  }

  static final long RETRY_DELAY_MS = 50;

  private final int maxInflight;
  private final int maxQueued;
  private final ScheduledExecutorService scheduler;
  private final Deque<Outgoing> queue = new ArrayDeque<>();
  private final Set<Outgoing> inflight = Collections.newSetFromMap(new IdentityHashMap<>());
  private Sender sender;
  private long generation;
  private boolean connected;
  private boolean closed;
  private boolean retryScheduled;
  private long retries;

  PublishQueue(int maxInflight, int maxQueued, ScheduledExecutorService scheduler) {
    this.maxInflight = maxInflight;
    this.maxQueued = maxQueued;
    this.scheduler = scheduler;
  }

  synchronized void sender(Sender s) {
    this.sender = s;
  }

  /**
   * Queues a publish.
   *
   * @return completes when the broker has it; exceptionally with {@link TransportBusyException}
   *     when the queue is full, {@link TransportClosedException} when closed
   */
  CompletableFuture<Void> offer(String topic, byte[] payload, int qos, boolean retained) {
    Outgoing m = new Outgoing(topic, payload, qos, retained);
    synchronized (this) {
      if (closed) {
        m.done.completeExceptionally(new TransportClosedException("MQTT transport is closed"));
        return m.done;
      }
      if (queue.size() + inflight.size() >= maxQueued) {
        m.done.completeExceptionally(
            new TransportBusyException(
                "MQTT outgoing queue is full (" + maxQueued + " publishes); retry later"));
        return m.done;
      }
      queue.addLast(m);
    }
    drain();
    return m.done;
  }

  /** The connection is (re)established: resend what was in flight, then drain. */
  void connected() {
    synchronized (this) {
      generation++;
      List<Outgoing> resend = new ArrayList<>(inflight);
      inflight.clear();
      Collections.reverse(resend);
      resend.forEach(queue::addFirst);
      connected = true;
    }
    drain();
  }

  synchronized void disconnected() {
    connected = false;
  }

  void sent(Outgoing m, long gen) {
    synchronized (this) {
      if (!inflight.remove(m)) {
        queue.remove(m); // delivered by an earlier connection: do not send it again
      }
    }
    m.done.complete(null);
    drain();
  }

  /** The client refused or lost the message: it goes back to the front, to be retried. */
  void failed(Outgoing m, long gen, Throwable cause) {
    synchronized (this) {
      if (m.done.isDone() || closed) {
        return;
      }
      if (gen == generation && inflight.remove(m)) {
        queue.addFirst(m);
      }
      retries++;
      scheduleRetry();
    }
  }

  /** Completes the message exceptionally: the broker refused it for good. */
  void refused(Outgoing m, Throwable cause) {
    synchronized (this) {
      inflight.remove(m);
      queue.remove(m);
    }
    m.done.completeExceptionally(cause);
    drain();
  }

  private void scheduleRetry() {
    if (!retryScheduled && !closed) {
      retryScheduled = true;
      scheduler.schedule(
          () -> {
            synchronized (this) {
              retryScheduled = false;
            }
            drain();
          },
          RETRY_DELAY_MS,
          TimeUnit.MILLISECONDS);
    }
  }

  void drain() {
    while (true) {
      Outgoing m;
      long gen;
      Sender s;
      synchronized (this) {
        if (!connected || closed || sender == null || inflight.size() >= maxInflight) {
          return;
        }
        m = queue.pollFirst();
        if (m == null) {
          return;
        }
        inflight.add(m);
        gen = generation;
        s = sender;
      }
      try {
        s.send(m, gen);
      } catch (Exception e) {
        failed(m, gen, e);
        return;
      }
    }
  }

  synchronized int queued() {
    return queue.size();
  }

  synchronized int inflight() {
    return inflight.size();
  }

  synchronized long retries() {
    return retries;
  }

  void close() {
    List<Outgoing> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(queue);
      all.addAll(inflight);
      queue.clear();
      inflight.clear();
    }
    all.forEach(
        m -> m.done.completeExceptionally(new TransportClosedException("MQTT transport closed")));
  }
}
