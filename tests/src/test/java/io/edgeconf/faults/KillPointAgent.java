package io.edgeconf.faults;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.store.AgentStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A gateway agent in a child JVM whose store changes are counted by a {@link StepCounter}, so the
 * parent can SIGKILL it right after any chosen persistence step of a deploy, rollout or rollback.
 * Arguments: {@code key=value} agent settings. Prints {@code started} once the agent runs, then
 * reads commands from stdin: {@code arm K} counts the next operation's changes and freezes after
 * change K ({@code arm 0}: count only, {@code arm -1}: stop counting). Arming through stdin lets
 * the agent restarted after one kill serve as the victim of the next, one JVM start per kill point.
 */
public final class KillPointAgent {
  private KillPointAgent() {}

  public static void main(String[] args) throws Exception {
    var counter = new StepCounter(System.out);
    AgentStore.afterEachChange(counter);
    var b = AgentConfig.builder();
    for (String a : args) {
      int eq = a.indexOf('=');
      ConfigKeys.set(b, a.substring(0, eq), a.substring(eq + 1));
    }
    new GatewayAgent(b.build()).start();
    System.out.println("started");
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("arm ")) {
        counter.arm(Integer.parseInt(line.substring(4).trim()));
      }
    }
    // The parent went away without killing this agent.
    System.exit(0);
  }
}
