package dev.ferry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.refusal.Refusal;
import dev.ferry.refusal.Refusal.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalStatusTest {

    @Test
    void everyKindOfRefusalIsAnsweredWithTheStatusItHadAsAnApiProblem() {
        Map<Kind, Integer> statuses = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            statuses.put(kind, RefusalStatus.of(new Refusal(kind, "detail")).value());
        }

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(Kind.INVALID, 400, Kind.FORBIDDEN, 403,
                Kind.NOT_FOUND, 404, Kind.CONFLICT, 409, Kind.JIRA_REFUSED, 502, Kind.JIRA_UNAVAILABLE, 503));
    }

    @Test
    void aRefusalWithoutATitleOfItsOwnTakesItsKinds() {
        assertThat(Refusal.invalid("x").title()).isEqualTo("Bad request");
        assertThat(Refusal.notFound("x").title()).isEqualTo("Not found");
        assertThat(new Refusal(Kind.CONFLICT, "Too many open link requests", "x").title())
                .isEqualTo("Too many open link requests");
    }
}
