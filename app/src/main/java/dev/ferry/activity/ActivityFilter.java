package dev.ferry.activity;

import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import java.time.Instant;

/**
 * Which activities a reader asks for, checked: each part null when not asked. {@code from} is inclusive and
 * {@code to} exclusive; {@code cursor} continues a list in its order.
 */
record ActivityFilter(String organizationId, PersonRef person, String connection, ActivitySource source,
        ActivityKind kind, Instant from, Instant to, boolean ascending, ActivityCursor cursor) {
}
