package io.edgeconf.agent.store;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;

/** The store could not be opened, read or written. */
public final class StoreException extends AgentException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(ErrorCode.INTERNAL, message, cause);
  }
}
