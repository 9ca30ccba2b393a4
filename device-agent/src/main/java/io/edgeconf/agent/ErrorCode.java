package io.edgeconf.agent;

/**
 * The stable error codes of management-api.md, shared by vetting, the management API and the inbox.
 */
public enum ErrorCode {
  /** A command or module metadata that cannot be read. */
  MALFORMED,
  /** A module or payload over its size limit. */
  TOO_LARGE,
  /** A module that Chicory cannot parse or validate. */
  INVALID_WASM,
  /** A module with imports. */
  IMPORTS,
  /** A module missing an export of the ABI, or with one of the wrong type. */
  EXPORTS,
  /** A start function, or a memory maximum missing or above the limit. */
  LIMITS,
  /** A module without a valid signature of a trusted key. */
  SIGNATURE,
  /** A version not above the active and every previously seen one of its policy. */
  DOWNGRADE,
  /** A self-test vector that does not reproduce. */
  SELFTEST,
  /** A served board whose image cannot be rendered, or does not fit or pass ec_check. */
  RENDER,
  /** A call into the module past its deadline. */
  TIMEOUT,
  /** Another deploy or rollback is in progress. */
  BUSY,
  /** No known device has that id. */
  UNKNOWN_DEVICE,
  /** No such policy, module version or verb. */
  NOT_FOUND,
  /** The agent failed (store, broker): not the input's fault. */
  INTERNAL;

  /** The code as it appears in answers: lower case. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
