-- The two registers beside the request register, and the editable reply-letter templates.

-- 网民纠错与留言: error reports and messages from the public (我为政府网站找错, 市长信箱, 12345, 留言).
-- The reply is due `reply_workdays` working days after `received_on`; the due date is computed on
-- read from the current calendar (so a calendar change re-dates it), the number of days is the
-- setting in force when the report was registered.
-- Annual report narrative ("收到网民纠错留言N宗"): count by received_on year, i.e.
--   SELECT count(*) FROM complaints WHERE received_on BETWEEN 'Y-01-01' AND 'Y-12-31';
CREATE TABLE complaints (
  id              TEXT PRIMARY KEY,
  channel         TEXT NOT NULL CHECK (channel IN ('site_error', 'mayor_mailbox', 'hotline_12345', 'message')),
  received_on     TEXT NOT NULL,                 -- YYYY-MM-DD (Asia/Shanghai)
  content         TEXT NOT NULL,                 -- what the member of the public wrote
  item_id         TEXT REFERENCES items(id),     -- the published item it concerns, when there is one
  assignee_id     TEXT REFERENCES users(id),
  reply_workdays  INTEGER NOT NULL CHECK (reply_workdays BETWEEN 1 AND 60),
  fix_description TEXT NOT NULL DEFAULT '',      -- 整改情况
  reply_text      TEXT NOT NULL DEFAULT '',      -- 答复内容
  replied_on      TEXT,                          -- YYYY-MM-DD
  -- open: being handled; fixed: the problem is put right, reply still owed; replied: answered (done).
  status          TEXT NOT NULL CHECK (status IN ('open', 'fixed', 'replied')),
  created_by      TEXT NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((status = 'replied') = (replied_on IS NOT NULL)),
  CHECK (status <> 'replied' OR reply_text <> ''),
  CHECK (status <> 'fixed' OR fix_description <> '')
) STRICT;
CREATE INDEX complaints_received ON complaints(received_on);

-- 行政复议 / 行政诉讼 about disclosure, each about one request. Annual report table 四 (15 figures):
-- a case counts in the year it was FILED (filed_on), under its result as of 31 December of that
-- year (decided later, or still pending: 尚未审结), so a published report never changes. The three
-- groups are type = reconsideration | litigation_direct | litigation_after_reconsideration, each
-- with result upheld 维持 | corrected 纠正 | other 其他 | pending 尚未审结, plus the group's 总计.
-- table4Figures() in electron/core/services/appeals.ts does exactly this (pure, tested).
CREATE TABLE appeals (
  id          TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES requests(id),
  type        TEXT NOT NULL CHECK (type IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration')),
  result      TEXT NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
  filed_on    TEXT NOT NULL,                     -- 申请复议 / 立案 date, YYYY-MM-DD
  decided_on  TEXT,                              -- 复议决定 / 判决、裁定 date; null while pending
  body        TEXT NOT NULL,                     -- 复议机关 or 法院
  case_number TEXT NOT NULL DEFAULT '',          -- 案号
  note        TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((result = 'pending') = (decided_on IS NULL)),
  CHECK (decided_on IS NULL OR decided_on >= filed_on)
) STRICT;
CREATE INDEX appeals_request ON appeals(request_id);
CREATE INDEX appeals_filed ON appeals(filed_on);

-- A letter template the office has edited; a kind without a row uses the built-in default
-- (electron/core/docx/reply-letter.ts), and deleting the row resets it.
CREATE TABLE letter_templates (
  kind       TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,                      -- paragraphs, one a line, with {占位符}
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
) STRICT;
