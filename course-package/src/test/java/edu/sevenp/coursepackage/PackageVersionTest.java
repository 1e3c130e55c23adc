package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageVersionTest {

    @Test
    void comparesPartsNumericallyNotAsText() {
        assertThat(PackageVersion.compare("1.10.0", "1.9")).isPositive();
        assertThat(PackageVersion.compare("1.0", "1.0.0")).isZero();
        assertThat(PackageVersion.compare("2", "10")).isNegative();
    }
}
