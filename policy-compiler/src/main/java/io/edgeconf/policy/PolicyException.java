package io.edgeconf.policy;

/**
 * The root of every exception the policy compiler throws. Subclasses name the phase that failed:
 * {@link io.edgeconf.policy.diag.PolicySyntaxException}, {@link
 * io.edgeconf.policy.diag.PolicyTypeException}, {@link
 * io.edgeconf.policy.diag.PolicyProofException} for the front end.
 */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public PolicyException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
