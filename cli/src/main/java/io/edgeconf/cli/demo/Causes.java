package io.edgeconf.cli.demo;

/** Plain words for the failure causes of docs/rollout.md. */
final class Causes {
  private Causes() {}

  static String explain(String cause) {
    return switch (cause) {
      case "old_version" -> "it crashed and went back to its previous image (old_version)";
      case "unhealthy" -> "it reported itself unhealthy on the new image (unhealthy)";
      case "silent" -> "no healthy report on the new image in time (silent)";
      case "rejected" -> "the board refused the image (rejected)";
      case "timeout" -> "no answer to the push in time (timeout)";
      case "push_error" -> "the push could not be carried out (push_error)";
      default -> cause;
    };
  }
}
