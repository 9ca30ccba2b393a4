package io.edgeconf.bridge.catalogue;

/** How the gateway reaches a board. */
public enum Transport {
  /** MQTT through the gateway's broker (ESP32 family). */
  MQTT("mqtt"),
  /** CoAP over UDP, optionally DTLS (nRF52840 behind a Thread border router). */
  COAP("coap");

  private final String wireName;

  Transport(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in JSON documents and on the command line. */
  public String wireName() {
    return wireName;
  }
}
