package edu.sevenp.desktop.ui.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * One of the account's devices as the account page lists it.
 *
 * @param detail what it runs and when the server last heard from it
 * @param current whether it is this computer
 */
public record DeviceItem(UUID id, String name, String detail, boolean current) {

    public DeviceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
