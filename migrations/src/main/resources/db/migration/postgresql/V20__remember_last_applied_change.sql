-- A device's last applied sequence number says how far it got, not what it sent. A device whose data
-- folder was restored from an older copy, in place, issues numbers the server has already applied, for
-- other changes: the server would answer them as duplicates and they would be lost without a word. The
-- digest of the change applied at last_applied_seq (its entity, operation, id and payload) lets the server
-- tell a retry of that change (same digest) from another change under the same number, which it refuses
-- with 409 sequence_reused (docs/sync-protocol.md, section 7).
ALTER TABLE devices ADD COLUMN last_applied_digest BYTEA;
GRANT UPDATE (last_applied_digest) ON devices TO ${request_role};
