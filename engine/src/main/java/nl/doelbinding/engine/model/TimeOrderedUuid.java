package nl.doelbinding.engine.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers for stored records (decisions, escalations): UUID version 7 of RFC 9562, a 48-bit millisecond
 * timestamp followed by 74 random bits.
 *
 * <p>Why not version 4: a database index on random keys puts every new row on a different page, so each commit
 * rewrites one page per new row in every such index; time-ordered keys land on the last page, which a group of
 * decisions rewrites once. The timestamp reveals only when the record was made, which the record states anyway;
 * the random part (from {@link SecureRandom}) keeps identifiers unguessable. Identifiers made in the same
 * millisecond are unique but not ordered among themselves.
 */
public final class TimeOrderedUuid {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {
    }

    /** A new identifier stamped with the current time. */
    public static UUID next() {
        return at(Instant.now());
    }

    /** A new identifier stamped with {@code time} (milliseconds since the epoch, at least 0). */
    public static UUID at(Instant time) {
        long millis = time.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a version 7 UUID holds times from 1970 to 10889 only: " + time);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = millis << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << 8 * (9 - i);
        }
        return new UUID(high, low);
    }

    /** The millisecond a version 7 identifier was stamped with. */
    public static Instant timeOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: version " + id.version());
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
