package edu.sevenp.server.db;

import edu.sevenp.server.admin.RoleGrants;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Grants through R__operator_commands' operator_grant_role(), on the schema owner's connection. */
final class OwnerRoleGrants implements RoleGrants {

    private final DSLContext owner;

    OwnerRoleGrants(DataSource ownerDataSource) {
        this.owner = DSL.using(Objects.requireNonNull(ownerDataSource, "ownerDataSource"), SQLDialect.POSTGRES);
    }

    @Override
    public Outcome grant(String email, String role) {
        try {
            String outcome = owner.transactionResult(configuration -> configuration.dsl()
                    .fetchSingle("select operator_grant_role({0}, {1})", DSL.val(email), DSL.val(role)).get(0, String.class));
            return Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (DataAccessException e) {
            throw DatabaseErrors.problem(e);
        }
    }
}
