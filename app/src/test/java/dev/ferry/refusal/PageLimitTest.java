package dev.ferry.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageLimitTest {

    @Test
    void noLimitGivenIsTheFallback() {
        assertThat(PageLimit.parse(null, 50, 500)).isEqualTo(50);
        assertThat(PageLimit.parse("  ", 50, 500)).isEqualTo(50);
    }

    @Test
    void aLimitFromOneToTheMaximumIsTaken() {
        assertThat(PageLimit.parse(" 1 ", 50, 500)).isEqualTo(1);
        assertThat(PageLimit.parse("500", 50, 500)).isEqualTo(500);
    }

    @Test
    void zeroTooManyOrWordsAreRefusedInOneSentence() {
        for (String text : new String[] {"0", "501", "ten"}) {
            assertThatThrownBy(() -> PageLimit.parse(text, 50, 500)).isInstanceOf(Refusal.class)
                    .hasMessage("limit must be a whole number from 1 to 500");
        }
    }
}
