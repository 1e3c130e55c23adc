package edu.sevenp.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CI repeats the same seeds; one seed replays a run; a soak prints the base that replays it. */
class SeedsTest {

    private final List<String> printed = new ArrayList<>();

    @Test
    void withoutPropertiesCiRunsThreeFixedSeeds() {
        List<Long> seeds = Seeds.from(Map.<String, String>of()::get, printed::add);

        assertThat(seeds).isEqualTo(Seeds.derive(Seeds.CI_BASE, 3)).doesNotHaveDuplicates().hasSize(3);
        assertThat(Seeds.from(Map.<String, String>of()::get, printed::add)).isEqualTo(seeds);
        assertThat(printed).isEmpty();
    }

    @Test
    void moreCiSeedsStartWithTheDefaultOnes() {
        List<Long> seeds = Seeds.from(Map.of("faults.seeds", "5")::get, printed::add);

        assertThat(seeds).hasSize(5).startsWith(Seeds.derive(Seeds.CI_BASE, 3).toArray(Long[]::new));
    }

    @Test
    void oneSeedReplaysOnlyThatSeedWhateverElseIsSet() {
        List<Long> seeds = Seeds.from(Map.of("faults.seed", "-9182736455", "faults.soak", "1000")::get, printed::add);

        assertThat(seeds).containsExactly(-9_182_736_455L);
    }

    @Test
    void aSoakPrintsTheBaseThatReplaysIt() {
        List<Long> soak = Seeds.from(Map.of("faults.soak", "1000")::get, printed::add);

        assertThat(printed).hasSize(1);
        Matcher base = Pattern.compile("from base (-?\\d+);").matcher(printed.get(0));
        assertThat(base.find()).as(printed.get(0)).isTrue();
        List<Long> replay = Seeds.from(Map.of("faults.soak", "1000", "faults.base", base.group(1))::get, printed::add);
        assertThat(soak).hasSize(1000).doesNotHaveDuplicates().isEqualTo(replay);
    }
}
