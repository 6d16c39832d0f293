-- An update to a published item says what changed (更正说明), unless it is a minor change.
ALTER TABLE editions ADD COLUMN change_note TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN minor_change INTEGER NOT NULL DEFAULT 0 CHECK (minor_change IN (0, 1));

-- Approval (签发) and publishing: the approval bound to the reviewed content hash, the outbox the
-- sync worker drains, every attempt, and what the website last confirmed for each item.

CREATE TABLE approvals (
  edition_id   TEXT PRIMARY KEY REFERENCES editions(id),
  approver_id  TEXT NOT NULL REFERENCES users(id),
  approved_at  TEXT NOT NULL,
  content_hash TEXT NOT NULL
) STRICT;

-- One row per thing to send, in the order it must reach the website (id order per item).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  item_id         TEXT NOT NULL REFERENCES items(id),
  edition_id      TEXT NOT NULL REFERENCES editions(id),
  edition_number  INTEGER NOT NULL,
  kind            TEXT NOT NULL DEFAULT 'publish' CHECK (kind IN ('publish', 'withdraw')),
  content_hash    TEXT NOT NULL,
  payload         TEXT NOT NULL,              -- the exact request body, never recomputed on retry
  after_job       INTEGER REFERENCES outbox(id),  -- a document goes before its interpretation
  state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed', 'conflict', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  url             TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_pending ON outbox(state, next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_item ON outbox(item_id, id);

CREATE TABLE outbox_attempts (
  job_id  INTEGER NOT NULL REFERENCES outbox(id),
  at      TEXT NOT NULL,
  outcome TEXT NOT NULL,                      -- done, retry, failed, conflict
  status  INTEGER,                            -- HTTP status, null for a network error
  message TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_attempts_job ON outbox_attempts(job_id);

-- The edition and hash the website confirmed last: the next edition's previousEdition.
CREATE TABLE site_items (
  item_id      TEXT PRIMARY KEY REFERENCES items(id),
  edition      INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  url          TEXT NOT NULL,
  published_at TEXT NOT NULL
) STRICT;
