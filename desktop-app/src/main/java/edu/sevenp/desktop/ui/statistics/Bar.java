package edu.sevenp.desktop.ui.statistics;

/** One bar of a chart: its label under the axis and its height. */
public record Bar(String label, long value) {
}
