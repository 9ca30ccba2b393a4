package io.edgeconf.agent.vetting;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.List;
import java.util.OptionalLong;

/** What vetting needs to know of the gateway's state. Implementations must be thread-safe. */
public interface VettingContext {
  /** The version of the policy's active module, if it has one. */
  OptionalLong activeVersion(String policy);

  /** The highest version of the policy ever accepted by this gateway, if any. */
  OptionalLong highestSeenVersion(String policy);

  /** The boards that the module would serve if it became active (device-protocol.md). */
  List<RenderTarget> servedBy(ModuleMetadata candidate);

  /** A context with no active modules and no boards. */
  static VettingContext empty() {
    return new VettingContext() {
      @Override
      public OptionalLong activeVersion(String policy) {
        return OptionalLong.empty();
      }

      @Override
      public OptionalLong highestSeenVersion(String policy) {
        return OptionalLong.empty();
      }

      @Override
      public List<RenderTarget> servedBy(ModuleMetadata candidate) {
        return List.of();
      }
    };
  }
}
