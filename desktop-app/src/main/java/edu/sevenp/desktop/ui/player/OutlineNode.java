package edu.sevenp.desktop.ui.player;

import edu.sevenp.model.LessonId;

/** An entry of the outline tree: a section heading (no lesson) or a lesson. */
record OutlineNode(String label, LessonId lesson) {

    boolean isLesson() {
        return lesson != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
