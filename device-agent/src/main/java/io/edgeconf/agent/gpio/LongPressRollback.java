package io.edgeconf.agent.gpio;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.agent.store.PolicyRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long press of the gateway's button: every policy that has a last-known-good module is rolled
 * back to it, as the MQTT {@code rollback} command does. One rollout runs at a time, so the
 * policies go one after the other: while the agent is busy the next one waits and is tried again.
 */
public final class LongPressRollback implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(LongPressRollback.class);
  private static final long RETRY_MS = 1000;

  private final PolicyService service;
  private final ScheduledExecutorService scheduler;

  public LongPressRollback(PolicyService service, ScheduledExecutorService scheduler) {
    this.service = service;
    this.scheduler = scheduler;
  }

  /** Called on the hardware's thread: hands the work to the scheduler. */
  @Override
  public void run() {
    Deque<String> policies = new ArrayDeque<>();
    for (PolicyRecord p : service.store().policies()) {
      if (p.lastKnownGood().isPresent()) {
        policies.add(p.name());
      }
    }
    log.warn("button long press: rolling back {} to their last-known-good", policies);
    scheduler.execute(() -> next(policies));
  }

  private void next(Deque<String> policies) {
    String policy = policies.peek();
    if (policy == null) {
      return;
    }
    try {
      var a = service.rollback(policy, OptionalLong.empty());
      log.warn("button: policy {} rolling back to v{} ({})", policy, a.version(), a.rolloutId());
      policies.poll();
    } catch (AgentException e) {
      if (e.code() != ErrorCode.BUSY) {
        log.error("button: cannot roll {} back: {}", policy, e.getMessage());
        policies.poll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!policies.isEmpty()) {
      scheduler.schedule(() -> next(policies), RETRY_MS, TimeUnit.MILLISECONDS);
    }
  }
}
