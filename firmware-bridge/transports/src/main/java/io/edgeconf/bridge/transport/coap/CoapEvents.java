package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.internal.SerialExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The CoAP transport's event thread, and the gate that shuts it to new work once the transport
 * closes. Tasks run one at a time, in submission order, on the shared scheduler; state the parts
 * call "confined to the event thread" is touched only from tasks run here. Thread-safe.
 */
final class CoapEvents {
  private final SerialExecutor serial;
  private volatile boolean closed;

  CoapEvents(Executor scheduler) {
    this.serial = new SerialExecutor(scheduler);
  }

  boolean closed() {
    return closed;
  }

  /** From now on {@link #submit} and {@link #run} refuse work; call under the transport's lock. */
  void markClosed() {
    closed = true;
  }

  /** Runs the task on the event thread; false (and the task dropped) once closed. */
  boolean submit(Runnable task) {
    if (closed) {
      return false;
    }
    try {
      serial.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Runs the task on the event thread, or drops it once closed. */
  void run(Runnable task) {
    submit(task);
  }

  /**
   * Runs the task on the event thread even when closed: the last clean-up of {@code close()}.
   *
   * @throws RejectedExecutionException after {@link #shutdown}
   */
  void runAfterClose(Runnable task) {
    serial.execute(task);
  }

  /** Tasks submitted and not yet finished. */
  int pending() {
    return serial.pending();
  }

  /** Refuses every new task; queued ones still run. */
  void shutdown() {
    serial.shutdown();
  }
}
