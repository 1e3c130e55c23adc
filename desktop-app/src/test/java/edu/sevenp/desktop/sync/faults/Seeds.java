package edu.sevenp.desktop.sync.faults;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The seeds a fault test runs, from system properties (surefire and failsafe pass {@code -D} options on):
 *
 * <ul>
 *   <li>{@code -Dfaults.seed=S}: only S, to replay a failed run;
 *   <li>{@code -Dfaults.soak=N}: N seeds from a random base, printed so the whole soak can be replayed with
 *       {@code -Dfaults.soak=N -Dfaults.base=B};
 *   <li>otherwise {@code -Dfaults.seeds=N} seeds (3 by default) from a fixed base, so CI runs the same seeds every
 *       time.
 * </ul>
 */
public final class Seeds {

    /** CI's base: changing it changes which runs CI repeats. */
    static final long CI_BASE = 7_000_000_007L;
    static final int CI_COUNT = 3;

    private Seeds() {
    }

    /** For {@code @MethodSource}: {@code static List<Long> seeds() { return Seeds.fromSystemProperties(); }}. */
    public static List<Long> fromSystemProperties() {
        return from(System::getProperty, System.out::println);
    }

    static List<Long> from(UnaryOperator<String> properties, Consumer<String> printer) {
        String replay = properties.apply("faults.seed");
        if (replay != null) {
            return List.of(Long.parseLong(replay.trim()));
        }
        String soak = properties.apply("faults.soak");
        if (soak != null) {
            int count = Integer.parseInt(soak.trim());
            String givenBase = properties.apply("faults.base");
            long base = givenBase != null ? Long.parseLong(givenBase.trim()) : ThreadLocalRandom.current().nextLong();
            printer.accept("faults: soak of " + count + " seeds from base " + base + "; replay it with -Dfaults.soak="
                    + count + " -Dfaults.base=" + base + ", or one seed with -Dfaults.seed=<seed>");
            return derive(base, count);
        }
        String count = properties.apply("faults.seeds");
        return derive(CI_BASE, count != null ? Integer.parseInt(count.trim()) : CI_COUNT);
    }

    /** {@code count} seeds drawn from {@code base}: a longer list starts with the shorter one. */
    static List<Long> derive(long base, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one seed: " + count);
        }
        SplittableRandom random = new SplittableRandom(base);
        return LongStream.generate(random::nextLong).limit(count).boxed().collect(Collectors.toUnmodifiableList());
    }
}
