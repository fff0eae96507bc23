-- Retention (issue 13 item 4): the daily job writes its counts to the audit trail as Speak Up
-- itself, not as a person, so an audit line may have no account. SQLite cannot drop NOT NULL in
-- place: the table is made again with the same rows (nothing references it).
CREATE TABLE staff_audit_new (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  council_id TEXT NOT NULL,
  account_id TEXT REFERENCES staff_accounts (id),
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  complaint_id TEXT,
  reference TEXT,
  detail TEXT
);
INSERT INTO staff_audit_new (seq, id, council_id, account_id, at, action, complaint_id, reference, detail)
  SELECT seq, id, council_id, account_id, at, action, complaint_id, reference, detail FROM staff_audit;
DROP TABLE staff_audit;
ALTER TABLE staff_audit_new RENAME TO staff_audit;
CREATE INDEX staff_audit_council_at ON staff_audit (council_id, at);
CREATE INDEX staff_audit_reference ON staff_audit (council_id, reference, at);

-- Issue 16: complaints whose sender said someone may be in danger come first in the inbox. 1 or 0,
-- copied from the body's saysInDanger when the summary row is written.
ALTER TABLE case_summaries ADD COLUMN says_in_danger INTEGER NOT NULL DEFAULT 0;
UPDATE case_summaries SET says_in_danger = 1
  WHERE complaint_id IN (SELECT id FROM complaints WHERE json_extract(body, '$.saysInDanger') = 1);
CREATE INDEX case_summaries_council_danger ON case_summaries (council_id, says_in_danger, received_at);
