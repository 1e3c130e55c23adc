package edu.sevenp.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.server.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class CatalogQueryTest {

    @Test
    void aSearchSortsByRelevanceAndNoSearchByNewest() {
        assertThat(CatalogQuery.of("sql joins", null, null, null, null, null, null, null))
                .isEqualTo(new CatalogQuery("sql joins", null, null, null, null, CatalogSort.RELEVANCE, 1, 20));
        assertThat(CatalogQuery.of(null, null, null, null, null, null, null, null).sort()).isEqualTo(CatalogSort.NEWEST);
        assertThat(CatalogQuery.of("sql", null, null, null, null, "rating", 2, 50).sort()).isEqualTo(CatalogSort.RATING);
    }

    @Test
    void aBlankSearchIsNoSearch() {
        CatalogQuery query = CatalogQuery.of("   ", null, null, null, null, null, null, null);

        assertThat(query.query()).isNull();
        assertThat(query.sort()).isEqualTo(CatalogSort.NEWEST);
    }

    @Test
    void theOffsetIsThePagesBefore() {
        assertThat(CatalogQuery.of(null, null, null, null, null, null, 3, 25).offset()).isEqualTo(50);
    }

    @Test
    void eachBrokenRuleNamesItsParameter() {
        assertThatThrownBy(() -> CatalogQuery.of("a\u0000b", null, null, null, null, null, null, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("q");
        assertThatThrownBy(() -> CatalogQuery.of(null, "web_design", null, null, null, null, null, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("category");
        assertThatThrownBy(() -> CatalogQuery.of(null, null, "hard", null, null, null, null, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("difficulty");
        assertThatThrownBy(() -> CatalogQuery.of(null, null, null, "EN", null, null, null, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("language");
        assertThatThrownBy(() -> CatalogQuery.of(null, null, null, null, null, "cheapest", null, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("sort");
        assertThatThrownBy(() -> CatalogQuery.of(null, null, null, null, null, null, 10_001, null))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("page");
        assertThatThrownBy(() -> CatalogQuery.of(null, null, null, null, null, null, null, 0))
                .isInstanceOf(ApiProblem.class).extracting("field").isEqualTo("pageSize");
    }
}
