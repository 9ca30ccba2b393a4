package io.edgeconf.policy;

/**
 * The code generator failed on a policy the front end accepted: a compiler bug, never bad input.
 */
public final class CodegenException extends PolicyException {
  private static final long serialVersionUID = 1L;

  public CodegenException(String message, Throwable cause) {
    super(message, cause);
  }
}
