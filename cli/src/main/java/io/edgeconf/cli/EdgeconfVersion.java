package io.edgeconf.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of {@code edgeconf --version}, from the jar's manifest. */
final class EdgeconfVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = EdgeconfVersion.class.getPackage().getImplementationVersion();
    return new String[] {"edgeconf " + (v == null ? "0.1.0-SNAPSHOT (development build)" : v)};
  }
}
