-- The council's staff (issue 12). Emails are stored in lower case; a removed account keeps its row
-- (the audit trail names it) and frees its email for a new invitation.
CREATE TABLE staff_accounts (
  id UUID PRIMARY KEY,
  council_id TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'manager')),
  status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'removed')),
  -- argon2id (PHC string); the pending ones are set during set-up, before the first TOTP code.
  password_hash TEXT,
  totp_secret TEXT,
  pending_password_hash TEXT,
  pending_totp_secret TEXT,
  -- The last TOTP time step used, so a code works once.
  last_totp_step BIGINT,
  created_at TIMESTAMPTZ NOT NULL,
  removed_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX staff_accounts_email ON staff_accounts (email) WHERE status <> 'removed';
CREATE INDEX staff_accounts_council ON staff_accounts (council_id);

-- One-time set-up links: only the token's sha-256 is kept.
CREATE TABLE staff_setup_tokens (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES staff_accounts (id),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);

-- One-time recovery codes, hashed (sha-256 of 60 random bits plus a server-side salt per account).
CREATE TABLE staff_recovery_codes (
  code_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES staff_accounts (id),
  used_at TIMESTAMPTZ
);

-- Password accepted, second factor not yet: a short-lived challenge.
CREATE TABLE staff_challenges (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES staff_accounts (id),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);

-- Sessions live here so several server processes share them; the cookie holds a token whose
-- sha-256 is the key.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES staff_accounts (id),
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ
);
CREATE INDEX staff_sessions_account ON staff_sessions (account_id);

-- Failed sign-ins per account and per address, for back-off shared by every process.
CREATE TABLE staff_sign_in_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TIMESTAMPTZ NOT NULL,
  blocked_until TEXT NOT NULL
);

-- What staff record about a complaint: append-only; a correction is a new row naming the row it supersedes.
CREATE TABLE staff_events (
  -- The order events were stored in, even within one millisecond.
  seq BIGSERIAL PRIMARY KEY,
  id UUID NOT NULL UNIQUE,
  complaint_id UUID NOT NULL REFERENCES complaints (id),
  type TEXT NOT NULL,
  body JSONB NOT NULL,
  supersedes UUID UNIQUE REFERENCES staff_events (id),
  recorded_at TIMESTAMPTZ NOT NULL,
  recorded_by UUID NOT NULL REFERENCES staff_accounts (id)
);
CREATE INDEX staff_events_complaint ON staff_events (complaint_id, recorded_at);

-- Who looked at or changed what, and when (readable by the council's managers).
CREATE TABLE staff_audit (
  seq BIGSERIAL PRIMARY KEY,
  id UUID NOT NULL UNIQUE,
  council_id TEXT NOT NULL,
  account_id UUID NOT NULL REFERENCES staff_accounts (id),
  at TIMESTAMPTZ NOT NULL,
  action TEXT NOT NULL,
  complaint_id UUID,
  reference TEXT,
  detail TEXT
);
CREATE INDEX staff_audit_council_at ON staff_audit (council_id, at);
CREATE INDEX staff_audit_reference ON staff_audit (council_id, reference, at);

-- Where each complaint is, as complaintProgress last worked it out: what the inbox filters and
-- sorts on. Rewritten with every event, in the same transaction; made on first listing otherwise.
CREATE TABLE case_summaries (
  complaint_id UUID PRIMARY KEY REFERENCES complaints (id),
  council_id TEXT NOT NULL,
  reference TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  role TEXT NOT NULL,
  route TEXT NOT NULL,
  procedure TEXT NOT NULL,
  stage INTEGER NOT NULL,
  last_stage INTEGER NOT NULL,
  state TEXT NOT NULL,
  next_due_what TEXT,
  next_due_on TEXT,
  next_due_estimated INTEGER NOT NULL,
  first_viewed_at TIMESTAMPTZ
);
CREATE INDEX case_summaries_council_received ON case_summaries (council_id, received_at);
CREATE INDEX case_summaries_council_due ON case_summaries (council_id, next_due_on);
CREATE INDEX case_summaries_council_reference ON case_summaries (council_id, reference);
