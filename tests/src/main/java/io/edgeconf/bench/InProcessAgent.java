package io.edgeconf.bench;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import java.util.OptionalLong;

/** The agent in the harness's JVM (its heap then includes the simulator's; not reported). */
final class InProcessAgent implements AgentHandle {
  private final GatewayAgent agent;

  private InProcessAgent(GatewayAgent agent) {
    this.agent = agent;
  }

  static InProcessAgent start(AgentSpec spec) {
    var b =
        AgentConfig.builder()
            .gatewayId(spec.gateway())
            .broker(spec.brokerUrl())
            .stateDir(spec.stateDir())
            .trustDir(spec.trustDir())
            .coapPort(spec.coapPort())
            .deviceTopicRoot(spec.topicRoot());
    spec.embeddedPort().ifPresent(b::embeddedBroker);
    var agent = new GatewayAgent(b.build());
    agent.start();
    return new InProcessAgent(agent);
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.empty();
  }

  @Override
  public String describe() {
    return "in-process";
  }

  @Override
  public void close() {
    agent.close();
  }
}
