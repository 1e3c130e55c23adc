package edu.sevenp.desktop.ui.statistics;

/** A row of the most-missed questions table. */
public record MissedRow(String quiz, String question, long wrong, long answered) {
}
