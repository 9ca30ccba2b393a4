package io.edgeconf.security;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.vetting.ModuleRejectedException;
import io.edgeconf.agent.vetting.ModuleVetter;
import io.edgeconf.agent.vetting.RenderTarget;
import io.edgeconf.agent.vetting.VettedModule;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.agent.vetting.VettingSettings;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.TrustedKeys;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's real vetter with the default limits and one trusted key, and a watchdog: every vet
 * runs on a worker and a call that does not return within {@link #HANG} counts as a hang.
 */
final class Vetting implements AutoCloseable {
  static final long HANG = 30;

  final ExecutorService sandboxWorkers = Executors.newCachedThreadPool();
  final ExecutorService caller = Executors.newSingleThreadExecutor();
  final Sandbox sandbox = new Sandbox(sandboxWorkers, SandboxLimits.DEFAULT);
  final ModuleVetter vetter;

  Vetting(KeyPair trusted, boolean allowUnsigned) {
    this(VettingSettings.defaults(TrustedKeys.of(List.of(trusted.getPublic())), allowUnsigned));
  }

  Vetting(VettingSettings settings) {
    vetter = new ModuleVetter(sandbox, settings);
  }

  /** What one vet produced: a module, a rejection code, or something that should never happen. */
  record Verdict(VettedModule accepted, ErrorCode code, String message, Throwable unexpected) {
    String describe() {
      if (accepted != null) {
        return "ACCEPTED";
      }
      if (code != null) {
        return code.wireName();
      }
      return unexpected == null ? "HANG" : "THREW " + unexpected;
    }
  }

  Verdict vet(byte[] module, VettingContext context) {
    Future<VettedModule> f = caller.submit(() -> vetter.vet(module, context));
    try {
      return new Verdict(f.get(HANG, TimeUnit.SECONDS), null, null, null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ModuleRejectedException r) {
        return new Verdict(null, r.code(), r.getMessage(), null);
      }
      return new Verdict(null, null, null, e.getCause());
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Verdict(null, null, null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A vetting context: active and highest-seen versions of every policy, and served boards. */
  static VettingContext context(long active, long seen, List<RenderTarget> targets) {
    return new VettingContext() {
      @Override
      public OptionalLong activeVersion(String policy) {
        return active == 0 ? OptionalLong.empty() : OptionalLong.of(active);
      }

      @Override
      public OptionalLong highestSeenVersion(String policy) {
        return seen == 0 ? OptionalLong.empty() : OptionalLong.of(seen);
      }

      @Override
      public List<RenderTarget> servedBy(ModuleMetadata candidate) {
        return targets;
      }
    };
  }

  /** A histogram line per key, sorted. */
  static String histogram(Map<String, Integer> counts) {
    var sb = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> sb.append(String.format("  %-40s %6d%n", k, v)));
    return sb.toString();
  }

  @Override
  public void close() {
    caller.shutdownNow();
    sandboxWorkers.shutdownNow();
  }
}
