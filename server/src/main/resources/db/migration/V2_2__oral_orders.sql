-- Oral orders awaiting their written confirmation (Sv art. 126nd(4) and the like: an urgent order may be
-- given orally and must be put in writing within three days). One row per request that rested on an oral
-- order; the written order's reference fills in when the requester sends it.
CREATE TABLE oral_orders (
    request_row_id     BIGINT                   NOT NULL PRIMARY KEY,
    ordered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    written_due        TIMESTAMP WITH TIME ZONE NOT NULL,
    written_reference  VARCHAR(255),
    written_received   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_oral_orders_request FOREIGN KEY (request_row_id) REFERENCES requests (id),
    CONSTRAINT ck_oral_orders_written CHECK ((written_reference IS NULL) = (written_received IS NULL))
);
CREATE INDEX ix_oral_orders_awaiting ON oral_orders (written_received, written_due);
