package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One line of the final table. Immutable; validated at construction.
 *
 * @param device the device id
 * @param board the board name
 * @param zone its zone ({@code ""} when none)
 * @param tags its tags
 * @param running the version the board itself runs (0 when none)
 * @param agentState the agent's state of the board ({@code confirmed}, {@code applied}, ...)
 * @param desired the version the agent wants it to run (0 when none)
 * @param outcome what happened to it during the demo, in words
 */
record BoardRow(
    String device,
    String board,
    String zone,
    List<String> tags,
    long running,
    String agentState,
    long desired,
    String outcome) {
  BoardRow {
    if (device == null || device.isBlank() || board == null || board.isBlank()) {
      throw new IllegalArgumentException("a row needs a device and a board: " + device);
    }
    zone = zone == null ? "" : zone;
    tags = List.copyOf(tags);
    agentState = agentState == null || agentState.isBlank() ? "-" : agentState;
    outcome = outcome == null ? "" : outcome;
    if (running < 0 || desired < 0) {
      throw new IllegalArgumentException("versions are never negative: " + device);
    }
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("device", device).put("board", board).put("zone", zone);
    tags.forEach(n.putArray("tags")::add);
    n.put("running", running).put("desired", desired).put("agent_state", agentState);
    return n.put("outcome", outcome);
  }
}
