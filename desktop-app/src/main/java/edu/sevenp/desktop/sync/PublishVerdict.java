package edu.sevenp.desktop.sync;

import edu.sevenp.model.protocol.PackageProblemView;
import edu.sevenp.model.protocol.PublishResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server said of a course package sent to it (docs/sync-protocol.md, section 11): published, or refused
 * with its reasons. Failures that say nothing about the package (offline, signed out) are {@link SyncFailure}s instead.
 */
public sealed interface PublishVerdict {

    /** Published: the version the server recorded and what changed with it. */
    record Accepted(PublishResult result) implements PublishVerdict {
        public Accepted {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Refused by the server ({@code role_required}, {@code not_your_course}, {@code version_not_newer},
     * {@code invalid_package}, …).
     *
     * @param code the server's error code
     * @param message the server's own words
     * @param field where in the request or package the server found the problem, when it named one
     * @param problems with {@code invalid_package}: every problem of the package, located
     */
    record Refused(int status, String code, String message, Optional<String> field, List<PackageProblemView> problems)
            implements PublishVerdict {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(field, "field");
            problems = List.copyOf(problems);
        }

        /** The account may not publish at all: it lacks the instructor role. */
        public boolean roleRequired() {
            return "role_required".equals(code);
        }
    }
}
