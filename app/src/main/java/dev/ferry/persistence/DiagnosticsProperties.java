package dev.ferry.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Diagnostics that cost a little on every call, so they are off unless a benchmark or a profile asks.
 *
 * @param countSql count SQL statements and commits into the {@code ferry.sql.statements} and {@code ferry.sql.commits}
 *                 meters ({@link SqlCounting})
 */
@Validated
@ConfigurationProperties("ferry.diagnostics")
record DiagnosticsProperties(@DefaultValue("false") boolean countSql) {
}
