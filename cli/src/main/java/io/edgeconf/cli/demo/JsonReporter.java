package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.sim.SimEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code --json}: one JSON object per line. The gateway's events as published; the boards' own
 * events as {@code board_<kind>}; the demo's steps as {@code demo_step}, {@code demo_phase} and a
 * final {@code demo_result} with every board.
 */
final class JsonReporter implements DemoReporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PrintWriter out;

  JsonReporter(PrintWriter out) {
    this.out = out;
  }

  private synchronized void print(JsonNode node) {
    out.println(node.toString());
    out.flush();
  }

  private ObjectNode demo(String event) {
    return MAPPER.createObjectNode().put("event", event);
  }

  @Override
  public void step(String text) {
    print(demo("demo_step").put("text", text));
  }

  @Override
  public void note(String text) {
    print(demo("demo_note").put("text", text));
  }

  @Override
  public void detail(String text) {
    // Details repeat the events, which are printed as they are.
  }

  @Override
  public void phase(String title, int total) {
    print(demo("demo_phase").put("phase", title).put("boards", total));
  }

  @Override
  public void progress(int done, int failed) {
    // The events carry the progress.
  }

  @Override
  public void endPhase(String summary) {
    print(demo("demo_phase_end").put("text", summary));
  }

  @Override
  public void agentEvent(JsonNode event) {
    print(event);
  }

  @Override
  public void boardEvent(SimEvent e) {
    print(
        demo("board_" + e.kind().name().toLowerCase(Locale.ROOT))
            .put("device", e.deviceId())
            .put("version", e.version())
            .put("crc", String.format("%08x", e.crc()))
            .put("detail", e.detail())
            .put("at", e.time().toString()));
  }

  @Override
  public void table(List<BoardRow> rows, boolean ok) {
    ObjectNode result = demo("demo_result").put("ok", ok);
    ArrayNode boards = result.putArray("boards");
    rows.forEach(r -> boards.add(r.toJson(MAPPER)));
    print(result);
  }

  @Override
  public void problem(String text) {
    print(demo("demo_problem").put("text", text));
  }
}
