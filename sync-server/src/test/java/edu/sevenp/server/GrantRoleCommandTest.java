package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantRoleCommandTest {

    @Test
    void takesTheCommandAndLeavesTheServersOwnOptions() {
        List<String> arguments = new ArrayList<>(List.of("--data-dir", "/srv/sevenp", "--grant-role", "admin", "Ana@Example.org",
                "--config", "/etc/sevenp.properties"));

        Optional<GrantRoleCommand> command = GrantRoleCommand.take(arguments);

        assertThat(command).contains(new GrantRoleCommand("admin", "ana@example.org"));
        assertThat(arguments).containsExactly("--data-dir", "/srv/sevenp", "--config", "/etc/sevenp.properties");
        assertThat(ServerConfig.from(java.util.Map.of(), List.of("--data-dir", "/srv/sevenp")).dataDirectory())
                .isEqualTo(java.nio.file.Path.of("/srv/sevenp"));
    }

    @Test
    void withoutTheOptionThereIsNoCommand() {
        List<String> arguments = new ArrayList<>(List.of("--port", "9000"));

        assertThat(GrantRoleCommand.take(arguments)).isEmpty();
        assertThat(arguments).containsExactly("--port", "9000");
    }

    @Test
    void explainsAMissingAddressAndAnUnknownRole() {
        assertThatThrownBy(() -> GrantRoleCommand.take(new ArrayList<>(List.of("--grant-role", "admin"))))
                .hasMessage("--grant-role needs a role and an e-mail address, such as --grant-role admin ana@example.org");
        assertThatThrownBy(() -> GrantRoleCommand.take(new ArrayList<>(List.of("--grant-role", "admin", "--port", "1"))))
                .hasMessageStartingWith("--grant-role needs a role and an e-mail address");
        assertThatThrownBy(() -> GrantRoleCommand.take(new ArrayList<>(List.of("--grant-role", "root", "ana@example.org"))))
                .hasMessage("--grant-role: there is no role 'root'; the roles are learner, instructor, admin");
    }
}
