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

  /** The {@code key=value} arguments that give a child these settings (those tests change). */
  public static java.util.List<String> args(AgentConfig c) {
    var args = new java.util.ArrayList<String>();
    args.add("gateway=" + c.gatewayId());
    args.add("broker=" + c.brokerUrl());
    args.add("state-dir=" + c.stateDir());
    args.add("trust-dir=" + c.trustDir());
    args.add("coap-port=" + c.coapPort());
    args.add("push-timeout-ms=" + c.pushTimeout().toMillis());
    args.add("first-health-timeout-ms=" + c.firstHealthTimeout().toMillis());
    args.add("revert-timeout-ms=" + c.revertTimeout().toMillis());
    args.add("reset-wait-ms=" + c.resetWait().toMillis());
    c.pskFile().ifPresent(f -> args.add("psk-file=" + f));
    return args;
  }

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
