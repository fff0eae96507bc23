-- One row per complaint. `id` is the client's idempotency key; `body` is the validated JSON as sent.
CREATE TABLE complaints (
  id UUID PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  council_id TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  body JSONB NOT NULL,
  body_hash TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX complaints_council_received ON complaints (council_id, received_at);
