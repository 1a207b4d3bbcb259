package nl.doelbinding.engine.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedUuidTest {
    @Test
    void isAVersion7UuidOfTheIetfVariantCarryingItsMillisecond() {
        Instant time = Instant.parse("2026-11-29T00:41:07.123Z");
        UUID id = TimeOrderedUuid.at(time);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedUuid.timeOf(id)).isEqualTo(time);
        // RFC 9562's layout: the first 12 hex digits are the millisecond, then the version digit.
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", time.toEpochMilli() >>> 16,
                time.toEpochMilli() & 0xFFFF));
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void laterMillisecondsSortLaterAsText() {
        // Stored as VARCHAR(36): the text order is the index order.
        List<String> ids = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 1_000; i++) {
            ids.add(TimeOrderedUuid.at(start.plusMillis(i * 7L)).toString());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void identifiersOfOneMillisecondAreAllDifferent() {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedUuid.at(now));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void nextIsStampedWithTheCurrentTime() {
        Instant before = Instant.now();
        UUID id = TimeOrderedUuid.next();
        Instant after = Instant.now();

        assertThat(TimeOrderedUuid.timeOf(id)).isBetween(before.minusMillis(1), after);
    }

    @Test
    void refusesTimesOutsideItsRangeAndOtherVersions() {
        assertThatThrownBy(() -> TimeOrderedUuid.at(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1970");
        assertThatThrownBy(() -> TimeOrderedUuid.timeOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 4");
    }
}
