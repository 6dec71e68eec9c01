package dev.ferry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Reading and writing a row's columns the same way on H2 and PostgreSQL. */
public final class Columns {

    private Columns() {
    }

    /** A {@code timestamp with time zone} column as an instant; null when the column is. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Text cut to the column's width, so a long error or answer is stored rather than refused; null stays null. */
    public static String clip(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }

    /**
     * A lease end as both databases store it (microseconds at most), so a fenced update that compares it with the
     * stored value finds it equal when read back.
     */
    public static Instant fence(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
