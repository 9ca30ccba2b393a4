package io.edgeconf.policy.codegen;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.AbiError;
import io.edgeconf.policy.eval.RenderResult;

/** A generated module instantiated in Chicory, called the way the agent calls it. */
final class ChicoryModule {
  private final Instance instance;

  ChicoryModule(byte[] module) {
    this.instance = Instance.builder(Parser.parse(module)).build();
  }

  int global(String name) {
    return (int) instance.exports().global(name).getValue();
  }

  /** Renders a device through its descriptor. */
  RenderResult render(DeviceAttributes device) {
    return render(DescriptorCodec.encode(device));
  }

  /** Renders raw descriptor bytes. */
  RenderResult render(byte[] descriptor) {
    instance.memory().write(global("ec_in"), descriptor);
    int rc = (int) instance.export("ec_render").apply(descriptor.length)[0];
    return result(rc);
  }

  /** Calls ec_render with a length that need not match what was written. */
  int renderRaw(int length) {
    return (int) instance.export("ec_render").apply(length)[0];
  }

  /** Places an image at ec_out and checks it. */
  RenderResult check(byte[] image) {
    instance.memory().write(global("ec_out"), image);
    int rc = (int) instance.export("ec_check").apply(image.length)[0];
    return rc == 0 ? new RenderResult.Image(image) : result(rc);
  }

  private RenderResult result(int rc) {
    int out = global("ec_out");
    if (rc >= 0) {
      return new RenderResult.Image(instance.memory().readBytes(out, rc));
    }
    AbiError error = AbiError.require(rc);
    int index =
        error.indexed()
            ? (instance.memory().read(out) & 0xFF) | (instance.memory().read(out + 1) & 0xFF) << 8
            : 0;
    return new RenderResult.Failure(error, index, "");
  }
}
