-- Retention (issue 13 item 4): the daily job writes its counts to the audit trail as Speak Up
-- itself, not as a person, so an audit line may have no account.
ALTER TABLE staff_audit ALTER COLUMN account_id DROP NOT NULL;

-- Issue 16: complaints whose sender said someone may be in danger come first in the inbox. 1 or 0,
-- copied from the body's saysInDanger when the summary row is written.
ALTER TABLE case_summaries ADD COLUMN says_in_danger INTEGER NOT NULL DEFAULT 0;
UPDATE case_summaries s SET says_in_danger = 1
  FROM complaints c WHERE c.id = s.complaint_id AND c.body->>'saysInDanger' = 'true';
CREATE INDEX case_summaries_council_danger ON case_summaries (council_id, says_in_danger, received_at);
