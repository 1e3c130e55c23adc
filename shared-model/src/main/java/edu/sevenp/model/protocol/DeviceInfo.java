package edu.sevenp.model.protocol;

import java.util.UUID;

/** The installation a user signs in on; its id is made by the client at first run. */
public record DeviceInfo(UUID id, String name, String platform, String appVersion) {
}
