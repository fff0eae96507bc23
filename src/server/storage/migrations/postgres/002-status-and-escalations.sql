-- The status token's sha-256 (hex): lets the sender, and only the sender, ask where the complaint is.
-- Null for complaints stored before this migration.
ALTER TABLE complaints ADD COLUMN status_token_hash TEXT;

-- One row per request for a later stage. `id` is the client's idempotency key; `body` is the
-- validated request as sent. A complaint asks for each stage at most once.
CREATE TABLE escalations (
  id UUID PRIMARY KEY,
  complaint_id UUID NOT NULL REFERENCES complaints (id),
  to_stage INTEGER NOT NULL CHECK (to_stage BETWEEN 2 AND 4),
  body JSONB NOT NULL,
  body_hash TEXT NOT NULL,
  reply_received_on DATE,
  received_at TIMESTAMPTZ NOT NULL,
  UNIQUE (complaint_id, to_stage)
);
