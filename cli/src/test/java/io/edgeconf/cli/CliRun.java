package io.edgeconf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code edgeconf} command printed and its exit status, run in-process through picocli.
 *
 * @param status the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int status, String out, String err) {
  /** Runs the command. */
  static CliRun of(List<String> args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int status = cmd.execute(args.toArray(new String[0]));
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Runs the command followed by the options; a null value leaves that option out. */
  static CliRun of(List<String> command, Map<String, String> options) {
    List<String> args = new ArrayList<>(command);
    options.forEach(
        (k, v) -> {
          if (v != null) {
            args.add(k);
            args.add(v);
          }
        });
    return of(args);
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
