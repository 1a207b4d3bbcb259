package nl.doelbinding.server.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * A request that rested on an oral order, and the written order that must follow it.
 *
 * @param requestRowId    the stored request
 * @param orderedAt       when the request (and so the oral order) was received
 * @param writtenDue      when the written order must have been received
 * @param writtenOrder    the written order's reference and when it was received, once it was
 */
public record OralOrder(long requestRowId, Instant orderedAt, Instant writtenDue, Optional<WrittenOrder> writtenOrder) {

    /** The written confirmation of an oral order. */
    public record WrittenOrder(String reference, Instant receivedAt) {
    }

    /** True when the written order is missing past its due time, or arrived after it. */
    public boolean overdue(Instant now) {
        return writtenOrder.map(w -> w.receivedAt().isAfter(writtenDue)).orElse(now.isAfter(writtenDue));
    }
}
