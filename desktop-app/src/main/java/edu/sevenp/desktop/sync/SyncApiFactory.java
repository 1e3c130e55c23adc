package edu.sevenp.desktop.sync;

import edu.sevenp.model.protocol.DeviceInfo;
import java.net.URI;

/** Makes the client for a server; the launcher wires the HTTP one, so this package never names OkHttp. */
@FunctionalInterface
public interface SyncApiFactory {

    SyncApi connect(URI server, DeviceInfo device, CredentialStore credentials);
}
