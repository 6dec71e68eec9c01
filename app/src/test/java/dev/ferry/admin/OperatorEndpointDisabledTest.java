package dev.ferry.admin;

import static dev.ferry.admin.OrganizationBootstrapTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Without an operator token the bootstrap endpoint does not exist. */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.admin.operator-token=")
class OperatorEndpointDisabledTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBlankOperatorTokenAnswers404WhateverIsSent() {
        var http = new Http(port);

        assertProblem(http.post("/api/v1/organizations", "{\"name\":\"Acme\"}", "Authorization", "Bearer "), 404);
        assertProblem(http.post("/api/v1/organizations", "{\"name\":\"Acme\"}", "Authorization",
                "Bearer test-operator-token"), 404);
        assertProblem(http.post("/api/v1/organizations", "{\"name\":\"Acme\"}"), 404);
        assertThat(jdbc.queryForObject("select count(*) from organization", Integer.class)).isZero();
    }
}
