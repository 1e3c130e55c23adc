package edu.sevenp.server.publish;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CourseVersionView;
import edu.sevenp.model.protocol.PublishResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What publishing needs of the database (implemented in server.db; everything as the publishing user). */
public interface PublishStore {

    /** Where the user stands with the course: their roles, and the course's last published version if they see it. */
    Standing standing(UserId user, UUID courseId);

    /**
     * @param teaches whether the user holds an unexpired instructor role
     * @param owner the course's instructor, when the course exists and the user may see it
     */
    record Standing(boolean teaches, boolean admin, Optional<UUID> owner, Optional<String> lastPackageVersion,
            int lastVersionNumber) {
    }

    /** Writes the version in one transaction; returns how many rows of each kind it removed. */
    PublishResult.Removed publish(UserId user, Publication publication, int versionNumber);

    List<CourseVersionView> versions(UserId user, UUID courseId);
}
