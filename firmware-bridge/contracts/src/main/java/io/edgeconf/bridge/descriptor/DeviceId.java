package io.edgeconf.bridge.descriptor;

import java.util.regex.Pattern;

/** The id pattern shared by devices and gateways: {@code [A-Za-z0-9._-]{1,64}}. */
public final class DeviceId {
  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private DeviceId() {}

  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /**
   * @return the id
   * @throws DescriptorException naming the id when it does not match the pattern
   */
  public static String require(String id) {
    if (!isValid(id)) {
      throw new DescriptorException("id '" + id + "' does not match [A-Za-z0-9._-]{1,64}");
    }
    return id;
  }
}
