package io.edgeconf.cli.demo;

/** The demo could not go on: the message says why, in words for the person running it. */
final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoFailure(String message) {
    super(message);
  }
}
