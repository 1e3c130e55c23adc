package edu.sevenp.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A plan is a pure function of the seed, the connection and the exchange, within its rates and bounds. */
class FaultPlanTest {

    @Test
    void theSameSeedGivesTheSameFaultForEachExchangeWhateverTheOrderOfAsking() {
        FaultPlan plan = FaultPlan.of(1234);

        List<Fault> forwards = LongStream.rangeClosed(1, 200).mapToObj(n -> plan.faultFor(n, 0)).toList();
        List<Fault> backwards = LongStream.rangeClosed(1, 200).map(n -> 201 - n)
                .mapToObj(n -> FaultPlan.of(1234).faultFor(n, 0)).toList();

        assertThat(backwards).containsExactlyInAnyOrderElementsOf(forwards);
        assertThat(backwards.get(199)).isEqualTo(forwards.get(0));
        assertThat(LongStream.rangeClosed(1, 200).mapToObj(n -> FaultPlan.of(1235).faultFor(n, 0)).toList())
                .isNotEqualTo(forwards);
    }

    @Test
    void eachExchangeOfAConnectionGetsItsOwnDecision() {
        FaultPlan plan = FaultPlan.of(1234);

        List<Fault> exchanges = IntStream.range(0, 200).mapToObj(e -> plan.faultFor(1, e)).toList();
        List<Fault> connections = LongStream.rangeClosed(1, 200).mapToObj(n -> plan.faultFor(n, 0)).toList();

        assertThat(exchanges).extracting(Fault::exchange).isEqualTo(IntStream.range(0, 200).boxed().toList());
        assertThat(exchanges).extracting(Fault::kind).isNotEqualTo(connections.stream().map(Fault::kind).toList());
        assertThat(exchanges.stream().map(Fault::kind).distinct()).hasSize(FaultKind.values().length);
    }

    @Test
    void defaultRatesGiveEachFaultAboutOneConnectionInTen() {
        FaultPlan plan = FaultPlan.of(99);

        Map<FaultKind, Long> counts = LongStream.rangeClosed(1, 20_000).mapToObj(n -> plan.faultFor(n, (int) n % 5))
                .collect(Collectors.groupingBy(Fault::kind, () -> new EnumMap<>(FaultKind.class), Collectors.counting()));

        assertThat(counts.keySet()).containsExactly(FaultKind.values());
        counts.forEach((kind, count) -> assertThat(count / 20_000.0).as(kind.name())
                .isCloseTo(kind == FaultKind.PASS ? 0.5 : 0.1, within(0.015)));
    }

    @Test
    void offsetsAndDelaysStayWithinThePlansBounds() {
        FaultPlan plan = FaultPlan.of(5).withMaxCutBytes(40).withMaxDelayMillis(7);

        List<Fault> faults = LongStream.rangeClosed(1, 2_000).mapToObj(n -> plan.faultFor(n, 0)).toList();

        assertThat(faults).allSatisfy(fault -> assertThat(fault.atByte()).isBetween(0L, 40L));
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.DELAY)
                .extracting(Fault::delayMillis).containsOnly(1, 2, 3, 4, 5, 6, 7);
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.CUT_REQUEST)
                .extracting(Fault::direction).containsOnly(Fault.Direction.TO_SERVER);
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.CUT_RESPONSE)
                .extracting(Fault::direction).containsOnly(Fault.Direction.TO_CLIENT);
        assertThat(faults).filteredOn(fault -> fault.kind() == FaultKind.RESET)
                .extracting(Fault::direction).containsOnly(Fault.Direction.TO_SERVER, Fault.Direction.TO_CLIENT);
    }

    @Test
    void onlyOneKindGivesThatKindToEveryConnectionAndNoneGivesNothing() {
        Function<FaultRates, Map<FaultKind, Long>> kindsOf = rates -> LongStream.rangeClosed(1, 500)
                .mapToObj(n -> FaultPlan.of(8, rates).faultFor(n, 3))
                .collect(Collectors.groupingBy(Fault::kind, Collectors.counting()));

        assertThat(kindsOf.apply(FaultRates.only(FaultKind.RESET))).isEqualTo(Map.of(FaultKind.RESET, 500L));
        assertThat(kindsOf.apply(FaultRates.only(FaultKind.DROP))).isEqualTo(Map.of(FaultKind.DROP, 500L));
        assertThat(kindsOf.apply(FaultRates.none())).isEqualTo(Map.of(FaultKind.PASS, 500L));
    }

    @Test
    void ratesThatAreNotProbabilitiesAreRefused() {
        assertThatThrownBy(() -> new FaultRates(0.3, 0.3, 0.3, 0.3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRates(-0.1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRates(Double.NaN, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FaultRates(0.2, 0.2, 0.2, 0.2, 0.2).pick(0.999_999)).isEqualTo(FaultKind.RESET);
    }
}
