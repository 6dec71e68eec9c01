package dev.ferry.connect;

/** No install-key server could be asked for a key: Ferry's side of the network, not the caller's fault. */
public class InstallKeyUnavailableException extends RuntimeException {

    InstallKeyUnavailableException(String keyId) {
        super("no install key server could be reached for kid " + keyId);
    }
}
