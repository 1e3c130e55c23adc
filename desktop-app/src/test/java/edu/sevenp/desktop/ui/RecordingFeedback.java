package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.common.Feedback;
import java.util.ArrayList;
import java.util.List;

/** Feedback that keeps what the panels reported, for view model tests. */
public final class RecordingFeedback implements Feedback {

    private final List<String> statuses = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    @Override
    public void status(String message) {
        statuses.add(message);
    }

    @Override
    public void failure(RuntimeException e) {
        failures.add(e);
    }

    public List<String> statuses() {
        return statuses;
    }

    public List<RuntimeException> failures() {
        return failures;
    }
}
