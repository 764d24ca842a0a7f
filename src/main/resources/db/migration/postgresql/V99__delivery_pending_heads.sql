-- The delivery queue asks, before every send, for the oldest pending delivery of a target that
-- no earlier pending delivery of its order key holds back. Pending rows are few next to the
-- history of sent ones the table keeps; this index holds only them, so finding the head of each
-- order key's queue reads the backlog, not the whole history.
CREATE INDEX delivery_pending ON delivery (target, order_key, id) WHERE status = 'pending';
