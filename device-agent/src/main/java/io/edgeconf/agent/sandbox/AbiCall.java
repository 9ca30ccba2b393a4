package io.edgeconf.agent.sandbox;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import io.edgeconf.bridge.module.AbiError;

/**
 * The synchronous ABI conversation with one fresh instance: write the descriptor at {@code ec_in},
 * call {@code ec_render}, read the image from {@code ec_out}, call {@code ec_check} on it. Every
 * offset and length the module supplies is bounds-checked before the host touches memory.
 */
final class AbiCall {
  private final Instance instance;
  private final AbiLayout layout;

  private AbiCall(Instance instance, AbiLayout layout) {
    this.instance = instance;
    this.layout = layout;
  }

  /** Reads the layout of a fresh instance; throws {@link AbiFault} when an export is missing. */
  static AbiCall on(Instance instance) {
    Memory memory = instance.memory();
    if (memory == null) {
      throw new AbiFault("the module has no memory");
    }
    var layout =
        new AbiLayout(
            global(instance, "ec_abi"),
            global(instance, "ec_in"),
            global(instance, "ec_in_cap"),
            global(instance, "ec_out"),
            global(instance, "ec_out_cap"),
            memory.pages() * Memory.PAGE_SIZE);
    return new AbiCall(instance, layout);
  }

  AbiLayout layout() {
    return layout;
  }

  private static int global(Instance instance, String name) {
    try {
      var g = instance.exports().global(name);
      if (g == null) {
        throw new AbiFault("export " + name + " is missing");
      }
      return (int) g.getValue();
    } catch (RuntimeException e) {
      if (e instanceof AbiFault f) {
        throw f;
      }
      throw new AbiFault("export " + name + " is not a global: " + e.getMessage());
    }
  }

  /** Runs {@code ec_render} then, on success, {@code ec_check}. Module code runs here. */
  RenderOutcome render(byte[] descriptor) {
    String problem = layout.problem();
    if (problem != null) {
      return new RenderOutcome.Faulted(problem);
    }
    if (descriptor.length > layout.inCap()) {
      return new RenderOutcome.Faulted(
          "descriptor of " + descriptor.length + " bytes exceeds ec_in_cap " + layout.inCap());
    }
    Memory memory = instance.memory();
    memory.write(layout.in(), descriptor);
    int result = call("ec_render", descriptor.length);
    if (result < 0) {
      var error = AbiError.of(result).orElse(null);
      int index = error != null && error.indexed() ? readIndex() : -1;
      return new RenderOutcome.Refused(result, error, index);
    }
    if (result > layout.outCap()) {
      return new RenderOutcome.Faulted(
          "ec_render returned " + result + " bytes, more than ec_out_cap " + layout.outCap());
    }
    // The module may have grown memory; re-check against the live size.
    if ((long) layout.out() + result > (long) memory.pages() * Memory.PAGE_SIZE) {
      return new RenderOutcome.Faulted("ec_render's image runs past the end of memory");
    }
    byte[] image = memory.readBytes(layout.out(), result);
    int check = call("ec_check", result);
    int checkIndex = -1;
    if (check < 0 && AbiError.of(check).map(AbiError::indexed).orElse(false)) {
      checkIndex = readIndex();
    }
    return new RenderOutcome.Rendered(image, check, checkIndex);
  }

  private int readIndex() {
    return (int) instance.memory().readU16(layout.out());
  }

  private int call(String name, int arg) {
    var fn = instance.export(name);
    long[] r = fn.apply(arg);
    if (r == null || r.length != 1) {
      throw new AbiFault(name + " did not return one value");
    }
    return (int) r[0];
  }

  /** The module breaks the ABI: reported as {@link RenderOutcome.Faulted}. */
  static final class AbiFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbiFault(String message) {
      super(message);
    }
  }
}
