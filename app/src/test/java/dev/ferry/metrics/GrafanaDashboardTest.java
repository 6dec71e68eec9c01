package dev.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code docs/grafana-ferry.json} is a Grafana dashboard on a Prometheus datasource variable, querying only series Ferry exports. */
@FerryIntegrationTest
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("..", "docs", "grafana-ferry.json");
    /** PromQL's functions, aggregations and keywords: every other name in an expression is a metric's. */
    static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "label_values", "offset", "bool", "clamp_min", "abs", "topk", "bottomk");
    static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    @Test
    void everyMetricTheDashboardQueriesIsOneFerryExports() {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        new IngestCheckpoints(jdbc, organizations.create("Acme").id()).activity("conn-a", "issues", Instant.now(), false);
        Scrape.of(managementPort);
        List<String> exported = Scrape.of(managementPort).names();

        Set<String> queried = new TreeSet<>();
        List<String> expressions = expressions(dashboard);
        expressions.forEach(expression -> queried.addAll(metricNames(expression)));

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(queried).contains("ferry_queue_depth", "ferry_queue_oldest_due_age_seconds", "ferry_deliveries_total",
                "ferry_jira_requests_seconds_count", "ferry_jira_requests_seconds_bucket", "ferry_jira_rate_wait_seconds_bucket",
                "ferry_connections_reconnect_needed", "ferry_ingest_lag_seconds", "ferry_callback_failures_total");
        assertThat(exported).containsAll(queried);
    }

    @Test
    void everyPanelQueriesThePrometheusDatasourceVariable() {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        JsonNode variable = dashboard.path("templating").path("list").get(0);

        assertThat(variable.path("type").asString()).isEqualTo("datasource");
        assertThat(variable.path("query").asString()).isEqualTo("prometheus");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo("${" + variable.path("name").asString() + "}");
                assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
            }
        }
    }

    /** Each panel target's {@code expr} and each query variable's {@code query}. */
    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString().equals("query")) {
                expressions.add(variable.path("query").asString());
            }
        }
        return expressions;
    }

    /** The metric names of a PromQL expression: names left once label matchers, groupings, ranges and strings go. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            if (!PROMQL.contains(name.group()) && !Character.isDigit(name.group().charAt(0))) {
                names.add(name.group());
            }
        }
        return names;
    }
}
