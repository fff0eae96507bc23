-- The access code's sha-256 (hex, bound to the reference; docs/decisions/015): with the reference it
-- lets the person follow the complaint from another device. Null for complaints stored before this
-- migration: they cannot be followed that way.
ALTER TABLE complaints ADD COLUMN access_code_hash TEXT;
