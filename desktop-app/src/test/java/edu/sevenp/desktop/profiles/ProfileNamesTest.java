package edu.sevenp.desktop.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileNamesTest {

    @Test
    void aNameIsLowerCaseLettersDigitsDashesAndUnderscoresStartingWithALetterOrDigit() {
        assertThat(ProfileNames.valid("ana")).isTrue();
        assertThat(ProfileNames.valid("ana-lima_2")).isTrue();
        assertThat(ProfileNames.valid("0")).isTrue();
        assertThat(ProfileNames.valid("a".repeat(40))).isTrue();
        assertThat(ProfileNames.valid("a".repeat(41))).isFalse();
        assertThat(ProfileNames.valid("-ana")).isFalse();
        assertThat(ProfileNames.valid("Ana")).isFalse();
        assertThat(ProfileNames.valid("../etc")).isFalse();
        assertThat(ProfileNames.valid(".removed-ana")).isFalse();
        assertThat(ProfileNames.valid("")).isFalse();
    }

    @Test
    void aRefusedNameSaysTheRuleAndOffersOneThatFits() {
        assertThat(ProfileNames.problem("ana")).isEmpty();
        assertThat(ProfileNames.problem("  ")).contains("Enter a name for the profile.");
        assertThat(ProfileNames.problem("Ana Lima")).contains("A profile name uses lower-case letters, digits, - and _"
                + " only, and starts with a letter or digit. Try \u201cana-lima\u201d.");
        assertThat(ProfileNames.problem("a".repeat(41))).contains("A profile name is at most 40 characters; this one has 41.");
        assertThat(ProfileNames.problem("!!!")).contains("A profile name uses lower-case letters, digits, - and _ only,"
                + " and starts with a letter or digit.");
    }

    @Test
    void theSuggestionDropsAccentsAndJoinsWordsWithDashes() {
        assertThat(ProfileNames.suggestion("José  Müller")).contains("jose-muller");
        assertThat(ProfileNames.suggestion("_ana.")).contains("ana");
        assertThat(ProfileNames.suggestion("ANA")).contains("ana");
        assertThat(ProfileNames.suggestion("Ünïcodé-" + "x".repeat(50))).hasValueSatisfying(name ->
                assertThat(name).hasSize(40).startsWith("unicode-x"));
        assertThat(ProfileNames.suggestion("Søren")).contains("s-ren");
        assertThat(ProfileNames.suggestion("…")).isEmpty();
        assertThat(ProfileNames.suggestion(null)).isEmpty();
    }
}
