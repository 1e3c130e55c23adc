package edu.sevenp.desktop.ui.profiles;

import java.util.Objects;

/**
 * A profile as the list shows it.
 *
 * @param detail its second line: the account it syncs with, or that it is on this computer only, or open elsewhere
 * @param inUse whether another player window has it open (when the list was read)
 */
public record ProfileItem(String name, String detail, boolean inUse) {

    public ProfileItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
