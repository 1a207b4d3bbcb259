-- Doelbinding persistence schema, version 7: reviewed decisions still owed to their channels.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL (see V1).
--
-- After a review, the final decision is sent to the channels the request came in on (the queue's reply address,
-- the file drop's outbox). That happens after the review's commit, so a crash or an unreachable broker in between
-- could lose it. replies_sent_at is NULL on a closed escalation until every channel has taken the final decision;
-- the server sends the ones still owed again (ReviewReplyRelay). Reviews closed before this version were sent (or
-- alerted) by the server that closed them: they count as sent.
ALTER TABLE escalations ADD COLUMN replies_sent_at TIMESTAMP WITH TIME ZONE;
UPDATE escalations SET replies_sent_at = closed_at WHERE status = 'CLOSED';
CREATE INDEX ix_escalations_replies_owed ON escalations (replies_sent_at, status, closed_at);
