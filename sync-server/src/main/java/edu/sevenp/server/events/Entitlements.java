package edu.sevenp.server.events;

import edu.sevenp.model.UserId;
import java.util.Set;
import java.util.UUID;

/** The courses whose content a user may pull now (port; implemented in server.db). */
public interface Entitlements {

    Set<UUID> entitledCourses(UserId user);
}
