package edu.sevenp.model.protocol;

/**
 * One problem of a course package, located as the package validator locates it.
 *
 * @param line the line in {@code file}, 0 when not known
 * @param field for example {@code sections[1].lessons[2].order}; empty for the whole file
 */
public record PackageProblemView(String file, int line, String field, String message) {
}
