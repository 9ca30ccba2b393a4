package io.edgeconf.agent.sandbox;

/**
 * The buffers a module exports, as read from a fresh instance.
 *
 * @param abi the value of {@code ec_abi}
 * @param in offset of the input buffer
 * @param inCap its capacity
 * @param out offset of the output buffer
 * @param outCap its capacity
 * @param memoryBytes the instance's linear memory size
 */
public record AbiLayout(int abi, int in, int inCap, int out, int outCap, int memoryBytes) {
  /** The smallest input buffer the ABI allows. */
  public static final int MIN_IN_CAP = 1024;

  /**
   * Why this layout cannot be used, or null when it can: the ABI version must be 1 and both buffers
   * must lie inside memory.
   */
  public String problem() {
    if (abi != 1) {
      return "ec_abi is " + abi + ", this agent speaks ABI 1";
    }
    if (inCap < MIN_IN_CAP) {
      return "ec_in_cap is " + inCap + ", the ABI needs at least " + MIN_IN_CAP;
    }
    if (!inside(in, inCap)) {
      return "input buffer [" + in + ", +" + inCap + ") lies outside memory of " + memoryBytes;
    }
    if (outCap < 2 || !inside(out, outCap)) {
      return "output buffer [" + out + ", +" + outCap + ") lies outside memory of " + memoryBytes;
    }
    return null;
  }

  private boolean inside(int offset, int length) {
    return offset >= 0 && length >= 0 && (long) offset + length <= memoryBytes;
  }
}
