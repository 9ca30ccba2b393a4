package io.edgeconf.agent.device;

/** The device states of management-api.md, as they appear on the wire. */
public final class DeviceState {
  public static final String UNASSIGNED = "unassigned";
  public static final String AMBIGUOUS = "ambiguous";
  public static final String PENDING = "pending";
  public static final String APPLIED = "applied";
  public static final String CONFIRMED = "confirmed";
  public static final String FAILED = "failed";
  public static final String OFFLINE = "offline";

  private DeviceState() {}
}
