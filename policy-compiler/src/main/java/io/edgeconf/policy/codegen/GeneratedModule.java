package io.edgeconf.policy.codegen;

/**
 * A config module the generator emitted.
 *
 * @param bytes the WebAssembly binary (unsigned)
 * @param wat its text form, for golden files and review
 * @param sizes its size by section
 */
public record GeneratedModule(byte[] bytes, String wat, ModuleSizes sizes) {
  public GeneratedModule {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
