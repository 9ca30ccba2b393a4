package io.edgeconf.security;

import io.edgeconf.policy.Compilation;
import java.security.PrivateKey;

/**
 * Valid WebAssembly made hostile: the compiled greenhouse module's WAT with its real {@code
 * ec_render} renamed and a wrapper exported in its place, plus whatever the hostile case adds. The
 * real {@code edgeconf.meta} is embedded and the result signed with a trusted key, so that the
 * check under test is the one that trips.
 */
final class HostileWat {
  /** The id of a board for which {@link #LOOP_FOR_EVIL} loops: it starts with "evil". */
  static final String EVIL_ID = "evil-board-1";

  /** Wrapper prefix: loop forever when the device id starts with "evil". */
  static final String LOOP_FOR_EVIL =
      "(if (i32.eq (i32.load (i32.add (i32.add (global.get $ec_in) (i32.const 4))"
          + " (i32.load8_u offset=1 (global.get $ec_in)))) (i32.const 0x6c697665))"
          + " (then (loop $evil (br $evil))))";

  private final Compilation.Output output;
  private final byte[] meta;
  String prefix = "";
  String suffix = "(call $ec_render_real (local.get 0))";
  String locals = "";
  String extraFunctions = "";
  String imports = "";
  String memory = null;
  String extraData = "";

  HostileWat(Compilation.Output output) {
    this.output = output;
    this.meta = Modules.meta(output.module());
  }

  String wat() {
    String wat = output.wat().strip();
    String header = "(func $ec_render (export \"ec_render\")";
    if (!wat.contains(header) || !wat.endsWith(")")) {
      throw new IllegalStateException("unexpected compiler WAT: " + wat.substring(0, 200));
    }
    wat = wat.replace(header, "(func $ec_render_real");
    if (memory != null) {
      wat = wat.replaceFirst("\\(memory \\(;0;\\) \\(export \"memory\"\\) [0-9 ]+\\)", memory);
    }
    if (!imports.isEmpty()) {
      int firstFunc = wat.indexOf("\n  (func ");
      wat = wat.substring(0, firstFunc) + "\n  " + imports + wat.substring(firstFunc);
    }
    String wrapper =
        "(func (export \"ec_render\") (param i32) (result i32) " + locals + prefix + suffix + ")";
    return wat.substring(0, wat.length() - 1)
        + "\n  "
        + wrapper
        + "\n  "
        + extraFunctions
        + "\n  "
        + extraData
        + ")";
  }

  byte[] signed(PrivateKey key) {
    return Modules.assemble(wat(), meta, key);
  }
}
