-- Confidentiality review (保密审查): checklist answers, how each scan finding was resolved, the
-- decision, and the sign-off bound to a SHA-256 of the exact content the reviewer read.

CREATE TABLE reviews (
  edition_id      TEXT PRIMARY KEY REFERENCES editions(id),
  answers         TEXT NOT NULL DEFAULT '{}',      -- checklist item id → { answer, note, by, at }
  masked          TEXT NOT NULL DEFAULT '[]',      -- findings removed by masking: { kind, location, masked }
  decision        TEXT CHECK (decision IN ('approve', 'partial', 'withhold', 'return')),
  decision_basis  INTEGER CHECK (decision_basis IN (14, 15, 16)),
  decision_note   TEXT NOT NULL DEFAULT '',
  reviewer_id     TEXT REFERENCES users(id),
  decided_at      TEXT,
  content_hash    TEXT,                            -- set on sign-off (approve / partial)
  voided_at       TEXT,
  void_reason     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE finding_resolutions (
  edition_id  TEXT NOT NULL REFERENCES editions(id),
  finding_key TEXT NOT NULL,                       -- kind, place and text of the finding
  resolution  TEXT NOT NULL CHECK (resolution IN ('waived', 'dismissed')),
  reason      TEXT NOT NULL,
  by_user     TEXT NOT NULL REFERENCES users(id),
  at          TEXT NOT NULL,
  PRIMARY KEY (edition_id, finding_key)
) STRICT;
