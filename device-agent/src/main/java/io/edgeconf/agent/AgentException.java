package io.edgeconf.agent;

/**
 * Root of the agent's exceptions. Each carries the stable {@link ErrorCode} its answer names:
 * refused input (a rejected module, a malformed command) has the code of its check; a failure of
 * the agent itself (store, broker) is {@link ErrorCode#INTERNAL}.
 */
public class AgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public AgentException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public AgentException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable code of the answer. */
  public ErrorCode code() {
    return code;
  }
}
