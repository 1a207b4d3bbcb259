-- Doelbinding persistence schema, version 5: the integration channels (issue 4).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL (see V1).

-- Where the decision on a request that came in on the queue was sent: its reply address and the sender's
-- correlation id, so that the final decision after a legal review reaches the same address.
-- One row per request (the first delivery's address; a redelivery keeps it).
CREATE TABLE request_replies (
    request_row_id BIGINT                   NOT NULL PRIMARY KEY,
    channel        VARCHAR(16)              NOT NULL,
    reply_to       VARCHAR(255)             NOT NULL,
    correlation_id VARCHAR(255),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_request_replies_request FOREIGN KEY (request_row_id) REFERENCES requests (id)
);
