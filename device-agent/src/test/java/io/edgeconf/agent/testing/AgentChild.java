package io.edgeconf.agent.testing;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;

/**
 * A gateway agent in a child JVM, for tests that kill it (SIGKILL) and start it again on the same
 * state directory. Arguments: {@code key=value} config settings. Prints {@code started} once up.
 */
public final class AgentChild {
  private AgentChild() {}

  public static void main(String[] args) throws Exception {
    var b = AgentConfig.builder();
    for (String a : args) {
      int eq = a.indexOf('=');
      ConfigKeys.set(b, a.substring(0, eq), a.substring(eq + 1));
    }
    var agent = new GatewayAgent(b.build());
    agent.start();
    System.out.println("started");
    System.out.flush();
    Thread.currentThread().join();
  }
}
