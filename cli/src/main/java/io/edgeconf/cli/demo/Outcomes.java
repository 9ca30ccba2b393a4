package io.edgeconf.cli.demo;

/** What happened to one board during the second deploy, in words for the final table. */
final class Outcomes {
  private Outcomes() {}

  static String of(String device, DemoStory story, DemoModules m) {
    RolloutEnd bad = story.badRollout();
    String good = "v" + m.goodVersion();
    String badV = "v" + m.badVersion();
    String back =
        story.operatorRollback()
            ? "rolled back to " + good + " (operator)"
            : "rolled back to " + good;
    if (bad == null) {
      return "";
    }
    if (story.crashed(device)) {
      return badV + " crashed it; back on " + good;
    }
    String cause = bad.failed().get(device);
    if (cause != null) {
      return badV + " failed (" + cause + "); back on " + good;
    }
    if (bad.applied().contains(device)) {
      return "took " + badV + ", " + back;
    }
    return "kept " + good + " (" + badV + " stopped before its wave)";
  }
}
