-- The language the complaint was written in (issue 14), for the staff inbox. NULL: a client from
-- before languages existed (or one that did not say); the body holds the same value when sent.
ALTER TABLE complaints ADD COLUMN language TEXT;
