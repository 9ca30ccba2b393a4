package io.edgeconf.agent.sandbox;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.wasm.ChicoryException;
import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DescriptorException;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs module calls on worker threads with a deadline (CPU time of the worker, with a wall-clock
 * backstop; a program's first call gets a grace deadline for class loading). Past it the worker is
 * interrupted (Chicory checks interruption at calls and backward branches), the call is reported as
 * {@link RenderOutcome.TimedOut} and its instance is dropped. No imports are ever provided, so
 * module code cannot reach the host; linear memory is capped by {@link
 * SandboxLimits#maxMemoryPages()}.
 *
 * <p>Thread-safe. The executor is injected and owned by the caller; it should be able to run a
 * fresh task while a timed-out one is still unwinding (a cached pool of named daemon threads).
 */
public final class Sandbox {
  private final ExecutorService workers;
  private final SandboxLimits limits;

  public Sandbox(ExecutorService workers, SandboxLimits limits) {
    this.workers = workers;
    this.limits = limits;
  }

  /** The limits every call runs under. */
  public SandboxLimits limits() {
    return limits;
  }

  /**
   * Renders the image of one device and checks it with the module's {@code ec_check}. Never throws
   * for anything the module does.
   *
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public RenderOutcome render(ModuleProgram program, DeviceAttributes device)
      throws InterruptedException {
    byte[] descriptor;
    try {
      descriptor = DescriptorCodec.encode(device);
    } catch (DescriptorException e) {
      return new RenderOutcome.Faulted("device " + device.id() + ": " + e.getMessage());
    }
    return render(program, descriptor);
  }

  /** Renders from raw descriptor bytes (tests feed malformed descriptors this way). */
  public RenderOutcome render(ModuleProgram program, byte[] descriptor)
      throws InterruptedException {
    // A program's first call loads and links classes (and, on a cold JVM, the interpreter's own):
    // it gets the grace deadline; every later call has the call timeout.
    java.time.Duration deadline = program.warm() ? limits.callTimeout() : grace();
    return render(program, descriptor, deadline);
  }

  private java.time.Duration grace() {
    return java.time.Duration.ofMillis(
        Math.max(1000, limits.callTimeout().toMillis() * WARM_UP_FACTOR));
  }

  /**
   * The first call of a freshly compiled program, with a grace deadline ({@link #WARM_UP_FACTOR}
   * times the call timeout, at least one second): it loads and links the generated classes, which
   * must not count against the module. Its outcome is returned as usual.
   */
  public RenderOutcome warmUp(ModuleProgram program, DeviceAttributes device)
      throws InterruptedException {
    return render(program, DescriptorCodec.encode(device), grace());
  }

  /** How much longer than a call the warm-up call may take. */
  public static final int WARM_UP_FACTOR = 20;

  private RenderOutcome render(
      ModuleProgram program, byte[] descriptor, java.time.Duration deadline)
      throws InterruptedException {
    AbiCall call;
    try {
      // Instantiation runs no module code (no start function): it stays on the caller's thread so
      // that class loading of a freshly compiled module does not count against the deadline.
      call = AbiCall.on(program.instantiate());
    } catch (AbiCall.AbiFault e) {
      return new RenderOutcome.Faulted(e.getMessage());
    } catch (ChicoryException | StackOverflowError | IllegalArgumentException e) {
      return new RenderOutcome.Faulted("cannot instantiate: " + e.getMessage());
    } catch (RuntimeException e) {
      return new RenderOutcome.Faulted("cannot instantiate: " + e);
    }
    RenderOutcome outcome = run(() -> call.render(descriptor), deadline);
    if (!(outcome instanceof RenderOutcome.TimedOut)) {
      program.markWarm();
    }
    return outcome;
  }

  /**
   * The buffers of a fresh instance, for vetting. Runs no module code.
   *
   * @throws IllegalStateException saying why when the module cannot be instantiated or lacks an ABI
   *     global
   */
  public AbiLayout layout(ModuleProgram program) {
    try {
      return AbiCall.on(program.instantiate()).layout();
    } catch (AbiCall.AbiFault e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (ChicoryException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot instantiate: " + e.getMessage(), e);
    }
  }

  /**
   * Runs a call on a worker. The deadline is measured in CPU time of the worker thread, so that a
   * call is not blamed for time it spent waiting for a core on a loaded machine; a wall-clock
   * backstop ({@link #WARM_UP_FACTOR} times the deadline, at least one second) bounds the rest.
   */
  private RenderOutcome run(
      java.util.concurrent.Callable<RenderOutcome> task, java.time.Duration deadline)
      throws InterruptedException {
    var worker = new java.util.concurrent.atomic.AtomicReference<Thread>();
    var cpuStart = new java.util.concurrent.atomic.AtomicLong();
    Future<RenderOutcome> future =
        workers.submit(
            () -> {
              cpuStart.set(CPU.getCurrentThreadCpuTime());
              worker.set(Thread.currentThread());
              return guarded(task);
            });
    long budget = deadline.toNanos();
    long wallLimit = System.nanoTime() + Math.max(1_000_000_000L, budget * WARM_UP_FACTOR);
    try {
      while (true) {
        try {
          return future.get(budget, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          Thread t = worker.get();
          long used = t == null ? 0 : CPU.getThreadCpuTime(t.threadId()) - cpuStart.get();
          if (used >= budget || System.nanoTime() >= wallLimit) {
            future.cancel(true);
            return new RenderOutcome.TimedOut(deadline);
          }
        }
      }
    } catch (CancellationException e) {
      return new RenderOutcome.TimedOut(deadline);
    } catch (ExecutionException e) {
      return new RenderOutcome.Faulted("unexpected: " + e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static RenderOutcome guarded(java.util.concurrent.Callable<RenderOutcome> task) {
    try {
      return task.call();
    } catch (ChicoryInterruptedException e) {
      return new RenderOutcome.Faulted("interrupted");
    } catch (AbiCall.AbiFault e) {
      return new RenderOutcome.Faulted(e.getMessage());
    } catch (ChicoryException e) {
      return new RenderOutcome.Faulted("trap: " + e.getMessage());
    } catch (StackOverflowError e) {
      return new RenderOutcome.Faulted("trap: call stack exhausted");
    } catch (OutOfMemoryError e) {
      return new RenderOutcome.Faulted("trap: out of memory");
    } catch (Exception e) {
      return new RenderOutcome.Faulted("trap: " + e);
    }
  }
}
