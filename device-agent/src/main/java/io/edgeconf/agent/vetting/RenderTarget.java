package io.edgeconf.agent.vetting;

import io.edgeconf.bridge.descriptor.DeviceAttributes;

/**
 * A board a module would serve, for the render check.
 *
 * @param device the board's attributes
 * @param capacity the largest image it accepts (its hello's {@code max_image}, else the
 *     catalogue's)
 */
public record RenderTarget(DeviceAttributes device, int capacity) {
  public RenderTarget {
    if (device == null || capacity <= 0) {
      throw new IllegalArgumentException("a render target needs a device and a positive capacity");
    }
  }
}
