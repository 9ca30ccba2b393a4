package io.edgeconf.agent.sandbox;

/** How a module's code runs. */
public enum Engine {
  /** Chicory's interpreter: no set-up cost, slower calls. Used for vetting. */
  INTERPRETER,
  /**
   * Chicory's runtime compiler: the module is compiled to JVM bytecode once (tens of ms), then each
   * call is fast. Used by active modules, which render for many boards.
   */
  COMPILER
}
