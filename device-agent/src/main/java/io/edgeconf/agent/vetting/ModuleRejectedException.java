package io.edgeconf.agent.vetting;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;

/**
 * A module that failed a vetting check: {@link #code()} names the check, the message says why (the
 * parser's message, the failing device, the differing vector).
 */
public final class ModuleRejectedException extends AgentException {
  private static final long serialVersionUID = 1L;

  public ModuleRejectedException(ErrorCode code, String message) {
    super(code, message);
  }

  public ModuleRejectedException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
