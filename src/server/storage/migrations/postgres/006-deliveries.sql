-- The notification outbox (issue 13 item 1, docs/decisions/018): one row per receiver (an email
-- address or a webhook) per arrival (a complaint or a next-stage request), written in the same
-- transaction as the arrival, then sent by the delivery worker. Keyed by complaint_id so deleting a
-- complaint (retention) deletes its deliveries with it. `last_error` is a status code or a short
-- reason, never a body. `lease_until`: a claim ('sending') older than this is taken again.
CREATE TABLE deliveries (
  id UUID PRIMARY KEY,
  complaint_id UUID NOT NULL REFERENCES complaints (id),
  escalation_id UUID,
  event TEXT NOT NULL CHECK (event IN ('complaint.received', 'escalation.received')),
  kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
  receiver TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  lease_until TIMESTAMPTZ,
  last_attempt_at TIMESTAMPTZ,
  last_error TEXT,
  delivered_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  -- Retries go on for 24 hours (or the worker's setting) from here: the arrival, or a staff resend.
  retry_from TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
CREATE INDEX deliveries_complaint ON deliveries (complaint_id);
