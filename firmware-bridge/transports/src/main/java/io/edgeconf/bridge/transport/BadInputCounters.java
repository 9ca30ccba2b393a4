package io.edgeconf.bridge.transport;

import java.util.Map;

/** Read access to a transport's bad-input counters. Thread-safe. */
public interface BadInputCounters {
  /** How many times this cause occurred since the transport was created. */
  long count(BadInput cause);

  /** Every cause with a non-zero count. */
  Map<BadInput, Long> snapshot();

  /** The sum over all causes. */
  default long total() {
    return snapshot().values().stream().mapToLong(Long::longValue).sum();
  }
}
