package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Cycle-Period header, read in each format it may come in; anything else leaves Ferry's default. */
class PersonalDataReportsTest {

    @Test
    void secondsIsoDurationsAndDaysAreRead() {
        assertThat(PersonalDataReports.cyclePeriod("604800")).hasValue(Duration.ofDays(7));
        assertThat(PersonalDataReports.cyclePeriod("P3D")).hasValue(Duration.ofDays(3));
        assertThat(PersonalDataReports.cyclePeriod("pt12h")).hasValue(Duration.ofHours(12));
        assertThat(PersonalDataReports.cyclePeriod("25 Days")).hasValue(Duration.ofDays(25));
        assertThat(PersonalDataReports.cyclePeriod(" 1 day ")).hasValue(Duration.ofDays(1));
    }

    @Test
    void nonsenseZeroAndNegativeAreIgnored() {
        assertThat(PersonalDataReports.cyclePeriod("soon")).isEmpty();
        assertThat(PersonalDataReports.cyclePeriod("0")).isEmpty();
        assertThat(PersonalDataReports.cyclePeriod("P-1D")).isEmpty();
        assertThat(PersonalDataReports.cyclePeriod("99999999999999999999")).isEmpty();
        assertThat(PersonalDataReports.cyclePeriod("")).isEmpty();
    }
}
