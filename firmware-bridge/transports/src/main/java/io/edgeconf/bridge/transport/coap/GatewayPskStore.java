package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * The gateway's DTLS keys: one per board, the identity being the device id. As a server it looks
 * keys up by the identity a board offers (an unknown identity is counted); as a client (when it
 * must start a handshake to a board) it uses the id of the board registered at that address.
 */
final class GatewayPskStore implements AdvancedPskStore {
  private final AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
  private final Function<InetSocketAddress, Optional<String>> idAt;
  private final BadInputLog bad;

  GatewayPskStore(
      Map<String, byte[]> psks,
      Function<InetSocketAddress, Optional<String>> idAt,
      BadInputLog bad) {
    psks.forEach(keys::setKey);
    this.idAt = idAt;
    this.bad = bad;
  }

  @Override
  public boolean hasEcdhePskSupported() {
    return keys.hasEcdhePskSupported();
  }

  @Override
  public PskSecretResult requestPskSecretResult(
      ConnectionId cid,
      ServerNames serverName,
      PskPublicInformation identity,
      String hmacAlgorithm,
      SecretKey otherSecret,
      byte[] seed,
      boolean useExtendedMasterSecret) {
    PskSecretResult result =
        keys.requestPskSecretResult(
            cid, serverName, identity, hmacAlgorithm, otherSecret, seed, useExtendedMasterSecret);
    if (result == null || result.getSecret() == null) {
      bad.report(
          BadInput.DTLS_AUTH_FAILED,
          "identity '" + identity.getPublicInfoAsString() + "'",
          "no pre-shared key for this identity");
    }
    return result;
  }

  @Override
  public PskPublicInformation getIdentity(InetSocketAddress peer, ServerNames virtualHost) {
    return idAt.apply(peer).map(PskPublicInformation::new).orElse(null);
  }

  @Override
  public void setResultHandler(HandshakeResultHandler resultHandler) {
    keys.setResultHandler(resultHandler);
  }
}
