package io.edgeconf.sim;

/**
 * A fault and the boards it applies to: one item of a fault SPEC.
 *
 * @param fault the fault
 * @param target the boards
 */
public record TargetedFault(Fault fault, FaultTarget target) {
  public TargetedFault {
    if (fault == null || target == null) {
      throw new FaultSpecException("a targeted fault needs a fault and a target");
    }
  }

  @Override
  public String toString() {
    String t = target.toString();
    return t.isEmpty() ? fault.toString() : fault + "@" + t;
  }
}
