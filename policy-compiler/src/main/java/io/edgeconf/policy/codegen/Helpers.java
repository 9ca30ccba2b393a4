package io.edgeconf.policy.codegen;

import io.edgeconf.policy.wasm.WasmModule;

/**
 * The run-time helper emitters of one module under construction. They share one {@link
 * HelperRegistry}, so each helper function is added once, the first time generated code calls it,
 * and a module carries only the helpers it uses. Strings are packed into an i64 (length in the high
 * half, address in the low half); integers are i64; conditions i32. Not thread-safe.
 *
 * @param errors {@code $err}, {@code fail} and the range check {@code chk}
 * @param arithmetic checked {@code + - * / %}, {@code min} and {@code max}
 * @param strings string equality
 * @param descriptor {@code $end} and the tag and attribute lookups in the descriptor
 * @param versions firmware version checks and comparison
 * @param image text fields and the CRC-32C of the image
 */
record Helpers(
    ErrorHelpers errors,
    ArithmeticHelpers arithmetic,
    StringHelpers strings,
    DescriptorHelpers descriptor,
    VersionHelpers versions,
    ImageHelpers image) {

  /**
   * The helpers of {@code module}.
   *
   * @param crcLength bytes of the image the CRC covers (the image size minus 4)
   */
  static Helpers of(WasmModule module, Layout layout, int crcLength) {
    HelperRegistry registry = new HelperRegistry(module);
    ErrorHelpers errors = new ErrorHelpers(registry);
    StringHelpers strings = new StringHelpers(registry);
    return new Helpers(
        errors,
        new ArithmeticHelpers(registry, errors),
        strings,
        new DescriptorHelpers(registry, strings, layout),
        new VersionHelpers(registry),
        new ImageHelpers(registry, crcLength));
  }
}
