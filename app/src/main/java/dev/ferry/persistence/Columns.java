package dev.ferry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading a row's columns the same way on H2 and PostgreSQL. */
public final class Columns {

    private Columns() {
    }

    /** A {@code timestamp with time zone} column as an instant; null when the column is. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
