package io.edgeconf.policy;

import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.diag.Diagnostics;
import io.edgeconf.policy.diag.PolicyProofException;
import io.edgeconf.policy.diag.PolicySyntaxException;
import io.edgeconf.policy.diag.PolicyTypeException;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.Optional;

/**
 * What the front end made of one source: every diagnostic, and when there is no error the checked
 * policy and its module metadata (with self-test vectors). A value; {@link #orThrow()} turns a
 * failure into the exception of the phase that failed.
 *
 * @param diagnostics errors and warnings, in source order
 * @param policy the checked policy; present exactly when there is no error
 * @param metadata the {@code edgeconf.meta} content; present exactly when there is no error
 * @param failedPhase the phase that reported the first errors, or {@link Phase#NONE}
 */
public record FrontEndResult(
    Diagnostics diagnostics,
    Optional<CheckedPolicy> policy,
    Optional<ModuleMetadata> metadata,
    Phase failedPhase) {
  /** The front end's phases. */
  public enum Phase {
    NONE,
    SYNTAX,
    TYPE,
    PROOF
  }

  public FrontEndResult {
    if (diagnostics == null || policy == null || metadata == null || failedPhase == null) {
      throw new IllegalArgumentException("every component of a front-end result must be given");
    }
    if (diagnostics.hasErrors() == policy.isPresent()
        || policy.isPresent() != metadata.isPresent()) {
      throw new IllegalArgumentException(
          "a result has a policy and metadata exactly when it has no error");
    }
    if (diagnostics.hasErrors() == (failedPhase == Phase.NONE)) {
      throw new IllegalArgumentException(
          "failed phase " + failedPhase + " does not match the errors");
    }
  }

  /** Whether compilation succeeded (warnings allowed). */
  public boolean ok() {
    return policy.isPresent();
  }

  /**
   * The checked policy.
   *
   * @throws PolicySyntaxException, PolicyTypeException or PolicyProofException carrying the
   *     diagnostics, when there were errors
   */
  public CheckedPolicy orThrow() {
    return switch (failedPhase) {
      case NONE -> policy.orElseThrow();
      case SYNTAX -> throw new PolicySyntaxException(diagnostics);
      case TYPE -> throw new PolicyTypeException(diagnostics);
      case PROOF -> throw new PolicyProofException(diagnostics);
    };
  }
}
