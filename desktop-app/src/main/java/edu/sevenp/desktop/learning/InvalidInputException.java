package edu.sevenp.desktop.learning;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What the learner entered breaks a rule; one problem per field, so a form can mark each field. */
public final class InvalidInputException extends LearningException {

    private static final long serialVersionUID = 1L;

    /** One broken rule: the field (as the service's parameter is named) and what is wrong, for the learner. */
    public record Problem(String field, String message) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final transient List<Problem> problems;

    InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
