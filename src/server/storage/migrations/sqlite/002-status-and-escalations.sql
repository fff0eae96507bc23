-- The status token's sha-256 (hex): lets the sender, and only the sender, ask where the complaint is.
-- Null for complaints stored before this migration.
ALTER TABLE complaints ADD COLUMN status_token_hash TEXT;

-- One row per request for a later stage. `id` is the client's idempotency key; `body` is the
-- validated request as sent. A complaint asks for each stage at most once.
CREATE TABLE escalations (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL REFERENCES complaints (id),
  to_stage INTEGER NOT NULL CHECK (to_stage BETWEEN 2 AND 4),
  body TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  reply_received_on TEXT,
  received_at TEXT NOT NULL,
  UNIQUE (complaint_id, to_stage)
);
