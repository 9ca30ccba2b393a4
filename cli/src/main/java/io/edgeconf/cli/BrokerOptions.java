package io.edgeconf.cli;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.BrokerSettings;
import io.edgeconf.agent.config.BrokerAuth;
import io.edgeconf.bridge.transport.mqtt.ConnectFailure;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The broker options of every command that talks to a broker: the management commands, which reach
 * a gateway through it, and {@code sim}, whose boards join it. The URL, and the login and TLS
 * identity the agent takes from its {@code broker-*} keys. They become Paho's options through the
 * agent's own {@link BrokerSettings}, so the command line and the agent read the password file and
 * the PEM files the same way. A picocli mixin; not thread-safe.
 */
final class BrokerOptions {
  /** The agent's setting names as they appear in its messages: each is also an option here. */
  private static final Pattern SETTING =
      Pattern.compile(
          "(?<![\\w/.-])(broker-(?:username|password-file|ca-file|cert-file|key-file)\\b"
              + "|broker(?= '| is '))");

  @Option(
      names = "--broker",
      paramLabel = "URL",
      defaultValue = "tcp://127.0.0.1:1883",
      description =
          "the MQTT broker: tcp:// or mqtt://, ssl:// or mqtts:// for TLS (default:"
              + " ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--broker-username", paramLabel = "USER", description = "the broker user")
  String username;

  @Option(
      names = "--broker-password-file",
      paramLabel = "FILE",
      description = "a file holding the broker password (needs --broker-username)")
  Path passwordFile;

  @Option(
      names = "--broker-ca-file",
      paramLabel = "FILE",
      description = "PEM CA certificate(s) of an ssl:// broker (default: the JDK's CAs)")
  Path caFile;

  @Option(
      names = "--broker-cert-file",
      paramLabel = "FILE",
      description = "PEM client certificate for an ssl:// broker (needs --broker-key-file)")
  Path certFile;

  @Option(
      names = "--broker-key-file",
      paramLabel = "FILE",
      description = "PEM PKCS#8 key of the client certificate (needs --broker-cert-file)")
  Path keyFile;

  /** Options that cannot be used; the message names the option and the file. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Unusable(String message, int exitCode, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }

    /**
     * {@link ExitCodes#USAGE} for options that do not go together, else {@link
     * ExitCodes#CANNOT_RUN}.
     */
    int exitCode() {
      return exitCode;
    }
  }

  /**
   * Checks the options, reads the password file and checks the TLS files.
   *
   * @throws Unusable naming the option (and file): options that do not go together are a usage
   *     error, a file that cannot be read or used means the command cannot run
   */
  BrokerSettings settings() throws Unusable {
    BrokerAuth auth;
    try {
      auth =
          new BrokerAuth(
              Optional.ofNullable(username),
              Optional.ofNullable(passwordFile),
              Optional.ofNullable(caFile),
              Optional.ofNullable(certFile),
              Optional.ofNullable(keyFile));
      auth.checkBroker(url);
    } catch (AgentException e) {
      throw new Unusable(asOptions(e.getMessage()), ExitCodes.USAGE, e);
    }
    try {
      return BrokerSettings.external(url, auth);
    } catch (AgentException e) {
      throw new Unusable(asOptions(e.getMessage()), ExitCodes.CANNOT_RUN, e);
    }
  }

  /**
   * Why the broker could not be reached or failed, with the option to check: never the password.
   */
  String failure(Throwable e) {
    String why = ConnectFailure.describe(e);
    String hint = "";
    if (why.contains("not signed by a trusted CA")) {
      hint =
          caFile == null
              ? "; give the CA of the broker's certificate with --broker-ca-file"
              : "; is --broker-ca-file " + caFile + " the CA of the broker's certificate?";
    } else if (why.contains("refused the user name or password")
        || why.contains("not authorized")) {
      hint = "; check --broker-username and --broker-password-file";
    } else if (why.contains("certificate_required") || why.contains("bad_certificate")) {
      hint = "; does the broker want a client certificate (--broker-cert-file, --broker-key-file)?";
    }
    return "broker " + url + ": " + why + hint;
  }

  /**
   * The agent names its settings, which are these options without the leading {@code --}: "config
   * key broker-ca-file" becomes "option --broker-ca-file". Drops the agent's "configuration: ".
   */
  static String asOptions(String message) {
    String m = message.startsWith("configuration: ") ? message.substring(15) : message;
    return SETTING.matcher(m).replaceAll("--$1");
  }
}
