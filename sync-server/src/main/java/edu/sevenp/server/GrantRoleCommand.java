package edu.sevenp.server;

import edu.sevenp.server.admin.RoleGrants;
import edu.sevenp.server.admin.Roles;
import edu.sevenp.server.db.ServerDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --grant-role ROLE EMAIL}: gives an account a role as the schema owner and exits (docs/operations.md, "The
 * first administrator"). Nobody can grant roles through the API before there is an administrator.
 */
public record GrantRoleCommand(String role, String email) {

    public static final String OPTION = "--grant-role";

    public GrantRoleCommand {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(email, "email");
        if (!Roles.isRole(role)) {
            throw new IllegalArgumentException(OPTION + ": there is no role '" + role + "'; the roles are "
                    + String.join(", ", Roles.ALL));
        }
        email = email.strip().toLowerCase(Locale.ROOT);
    }

    /** The command in {@code arguments}, if any; removes it from the list, leaving the server's own options. */
    public static Optional<GrantRoleCommand> take(List<String> arguments) {
        int at = arguments.indexOf(OPTION);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 2 >= arguments.size() || arguments.get(at + 1).startsWith("--") || arguments.get(at + 2).startsWith("--")) {
            throw new IllegalArgumentException(OPTION + " needs a role and an e-mail address, such as " + OPTION
                    + " admin ana@example.org");
        }
        GrantRoleCommand command = new GrantRoleCommand(arguments.get(at + 1), arguments.get(at + 2));
        List<String> rest = new ArrayList<>(arguments.subList(0, at));
        rest.addAll(arguments.subList(at + 3, arguments.size()));
        arguments.clear();
        arguments.addAll(rest);
        return Optional.of(command);
    }

    /**
     * Opens (and migrates) the configured database, grants, and answers the one line to print. On the embedded
     * database it takes the data folder's lock like a server, so it refuses to run beside a server on that folder;
     * an external database may be shared with running servers.
     */
    public String run(ServerConfig config) {
        if (config.database().isPresent()) {
            try (ServerDatabase database = ServerDatabase.openExternal(config.database().get())) {
                return grant(database);
            }
        }
        try (DataFolderLock lock = DataFolderLock.acquire(config.dataDirectory());
                ServerDatabase database = ServerDatabase.open(config, lock)) {
            return grant(database);
        }
    }

    private String grant(ServerDatabase database) {
        RoleGrants.Outcome outcome = database.roleGrants().grant(email, role);
        return switch (outcome) {
            case GRANTED -> email + " now holds the role " + role + ".";
            case RENEWED -> email + " holds the role " + role + " again, without an expiry.";
            case HELD -> email + " already holds the role " + role + "; nothing changed.";
        };
    }
}
