package io.edgeconf.agent.waves;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;

/**
 * A rollout was asked for while another one runs. The agent answers the deploy or rollback with
 * {@link ErrorCode#BUSY}; nothing is queued.
 */
public final class RolloutBusyException extends AgentException {
  private static final long serialVersionUID = 1L;

  public RolloutBusyException(String runningId, String refusedId) {
    super(
        ErrorCode.BUSY,
        "rollout " + runningId + " is running; " + refusedId + " refused (try again when it ends)");
  }
}
