package dev.ferry.auditrecord;

import dev.ferry.refusal.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The long-poll form of following, for forwarders that cannot hold a stream: a list call with {@code after} and
 * {@code wait} waits, when nothing follows the position yet, until a store of the organization commits (or every
 * {@code stream-poll-every}) and answers as soon as records exist, or an empty page at the end of the wait.
 */
@Component
class AuditRecordLongPoll {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s)?");

    private final Map<String, Object> signals = new ConcurrentHashMap<>();
    private final AuditRecordReader reader;
    private final StreamSlots slots;
    private final AuditRecordsProperties properties;

    AuditRecordLongPoll(AuditRecordReader reader, StreamSlots slots, AuditRecordsProperties properties) {
        this.reader = reader;
        this.slots = slots;
        this.properties = properties;
    }

    /** The records after the position, waiting up to {@code wait} for the first of them. */
    List<StoredRecord> await(AuditRecordFilter filter, long after, int limit, Duration wait) throws InterruptedException {
        slots.take(filter.organizationId());
        try {
            long end = System.nanoTime() + wait.toNanos();
            Object signal = signals.computeIfAbsent(filter.organizationId(), id -> new Object());
            AuditRecordReader.Span span = reader.following(filter, null);
            List<StoredRecord> records = reader.records(filter, span, after, limit);
            while (records.isEmpty() && System.nanoTime() < end) {
                long millis = Math.min(properties.streamPollEvery().toMillis(), (end - System.nanoTime()) / 1_000_000);
                synchronized (signal) {
                    if (millis > 0) {
                        signal.wait(millis);
                    }
                }
                span = reader.following(filter, span);
                records = reader.records(filter, span, after, limit);
            }
            return records;
        } finally {
            slots.release(filter.organizationId());
        }
    }

    @TransactionalEventListener
    void onStored(AuditRecordsStored stored) {
        Object signal = signals.get(stored.organizationId());
        if (signal != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 30} (seconds) or ISO-8601 ({@code PT30S}), up to 60 s; none: no wait. */
    static Duration wait(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration wait = null;
        Matcher matcher = WAIT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            wait = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        } else if (value.startsWith("pt")) {
            try {
                wait = Duration.parse(value);
            } catch (RuntimeException e) {
                // answered below
            }
        }
        Refusal.require(wait != null && !wait.isNegative() && wait.compareTo(MAX_WAIT) <= 0,
                "wait must be a duration up to 60s, such as 30s");
        return wait;
    }
}
