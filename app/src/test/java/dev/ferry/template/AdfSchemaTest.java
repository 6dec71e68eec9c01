package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One schema instance serves every delivery thread. */
class AdfSchemaTest {

    final TicketTemplates templates = new TicketTemplates();

    @Test
    void theSchemaIsLoadedOnceAndShared() {
        assertThat(AdfSchema.shared()).isSameAs(AdfSchema.shared());
    }

    @Test
    void manyThreadsValidatingAtOnceGetTheSameVerdicts() throws Exception {
        JsonNode valid = templates.description(DescriptionFormat.TEXT, null, Facts.guardrailBreach());
        JsonNode invalid = AdfJson.MAPPER.readTree("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"heading\"}]}");
        List<Callable<Boolean>> checks = IntStream.range(0, 400)
                .<Callable<Boolean>>mapToObj(i -> () -> AdfSchema.shared().isValid(i % 2 == 0 ? valid : invalid) == (i % 2 == 0))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> verdict : pool.invokeAll(checks)) {
                assertThat(verdict.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
