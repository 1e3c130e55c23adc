package edu.sevenp.desktop.ui.dashboard;

import java.util.Objects;

/** An achievement as the dashboard shows it: one the server awarded, or one of the player's milestones. */
public record AchievementTile(String title, String description, String status, boolean earned) {

    public AchievementTile {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(status, "status");
    }
}
