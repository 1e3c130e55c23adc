package edu.sevenp.migrations.schema.indexes;

import static edu.sevenp.migrations.schema.Sql.strings;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The index rules of V9 (seed-review 20), read from the catalog of the migrated schema. */
@PostgresTest
class IndexesIT {

    @Test
    void noIndexDuplicatesAnother(TestDatabase database) throws SQLException {
        assertThat(strings(database.superuser(), """
                SELECT a.indexrelid::regclass || ' duplicates ' || b.indexrelid::regclass
                FROM pg_index AS a
                JOIN pg_index AS b ON b.indrelid = a.indrelid AND b.indexrelid > a.indexrelid
                JOIN pg_class AS t ON t.oid = a.indrelid
                JOIN pg_namespace AS n ON n.oid = t.relnamespace AND n.nspname = 'public'
                WHERE a.indkey::text = b.indkey::text
                  AND coalesce(pg_get_expr(a.indexprs, a.indrelid), '') = coalesce(pg_get_expr(b.indexprs, b.indrelid), '')
                  AND coalesce(pg_get_expr(a.indpred, a.indrelid), '') = coalesce(pg_get_expr(b.indpred, b.indrelid), '')
                """)).isEmpty();
    }

    /** A plain B-tree index whose columns lead another plain index on the same table buys nothing. */
    @Test
    void noPlainIndexIsTheLeadingPartOfAnother(TestDatabase database) throws SQLException {
        assertThat(strings(database.superuser(), """
                SELECT a.indexrelid::regclass || ' is a prefix of ' || b.indexrelid::regclass
                FROM pg_index AS a
                JOIN pg_index AS b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid
                JOIN pg_class AS t ON t.oid = a.indrelid
                JOIN pg_namespace AS n ON n.oid = t.relnamespace AND n.nspname = 'public'
                JOIN pg_class AS ai ON ai.oid = a.indexrelid
                JOIN pg_am AS am ON am.oid = ai.relam AND am.amname = 'btree'
                JOIN pg_class AS bi ON bi.oid = b.indexrelid AND bi.relam = ai.relam
                WHERE NOT a.indisunique
                  AND a.indpred IS NULL AND b.indpred IS NULL
                  AND a.indexprs IS NULL AND b.indexprs IS NULL
                  AND (b.indkey::text = a.indkey::text OR b.indkey::text LIKE a.indkey::text || ' %')
                  AND a.indoption::text = substring(b.indoption::text for length(a.indoption::text))
                """)).isEmpty();
    }

    @Test
    void theSeedsRedundantIndexesAreNotCreated(TestDatabase database) throws SQLException {
        assertThat(strings(database.superuser(), """
                SELECT indexname FROM pg_indexes
                WHERE schemaname = 'public'
                  AND indexname IN ('idx_users_email', 'idx_enrollments_user_course', 'idx_subscriptions_stripe',
                                    'idx_lesson_progress_user', 'idx_users_role')
                """)).isEmpty();
    }

    /**
     * Deleting a parent row looks its children up by the key: without an index, a scan per delete. An
     * index led by the key's first column is enough (the rest of a composite key narrows little).
     */
    @Test
    void everyForeignKeyHasAnIndexLedByItsFirstColumn(TestDatabase database) throws SQLException {
        assertThat(strings(database.superuser(), """
                SELECT c.conrelid::regclass || '.' || c.conname
                FROM pg_constraint AS c
                JOIN pg_class AS t ON t.oid = c.conrelid
                JOIN pg_namespace AS n ON n.oid = t.relnamespace AND n.nspname = 'public'
                WHERE c.contype = 'f'
                  AND t.relkind = 'r'
                  AND NOT EXISTS (
                    SELECT 1 FROM pg_index AS i
                    WHERE i.indrelid = c.conrelid
                      AND i.indpred IS NULL
                      AND (i.indkey::int2[])[0] = c.conkey[1])
                ORDER BY 1
                """)).isEmpty();
    }
}
