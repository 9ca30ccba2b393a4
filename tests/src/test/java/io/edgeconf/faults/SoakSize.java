package io.edgeconf.faults;

/**
 * How big a soak is.
 *
 * @param name for the report
 * @param esp32 ESP32 boards (MQTT)
 * @param nrf nRF52840 boards (CoAP)
 * @param deploys deploys after the baseline one
 * @param minKills at least this many deploys kill the agent
 * @param healthIntervalMillis the simulated boards' health interval
 */
record SoakSize(
    String name, int esp32, int nrf, int deploys, int minKills, long healthIntervalMillis) {
  int boards() {
    return esp32 + nrf;
  }
}
