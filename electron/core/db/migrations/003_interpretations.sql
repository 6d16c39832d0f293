-- Policy interpretations (政策解读): links to the documents they interpret, interpretation forms,
-- joint documents (联合发文) with their lead unit, and online interviews (在线访谈).

ALTER TABLE editions ADD COLUMN interpretation_form TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN co_issuers TEXT NOT NULL DEFAULT '[]';   -- JSON array of unit names
ALTER TABLE editions ADD COLUMN lead_unit TEXT NOT NULL DEFAULT '';      -- 牵头单位 of a joint document
ALTER TABLE editions ADD COLUMN interview_date TEXT;
ALTER TABLE editions ADD COLUMN interview_guests TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN interview_topic TEXT NOT NULL DEFAULT '';

-- Between items, not editions: a new edition of either side keeps its links.
CREATE TABLE interpretation_links (
  interpretation_item_id TEXT NOT NULL REFERENCES items(id),
  document_item_id       TEXT NOT NULL REFERENCES items(id),
  created_by             TEXT NOT NULL REFERENCES users(id),
  created_at             TEXT NOT NULL,
  PRIMARY KEY (interpretation_item_id, document_item_id),
  CHECK (interpretation_item_id <> document_item_id)
) STRICT;
CREATE INDEX interpretation_links_document ON interpretation_links(document_item_id);
