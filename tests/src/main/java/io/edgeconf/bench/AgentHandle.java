package io.edgeconf.bench;

import java.util.OptionalLong;

/** A running agent, in this JVM or a child. */
interface AgentHandle extends AutoCloseable {
  /** The child's process id; empty in-process. */
  OptionalLong pid();

  /** A line describing where it runs. */
  String describe();

  @Override
  void close();
}
