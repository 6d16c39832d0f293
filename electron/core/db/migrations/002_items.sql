-- Drafts and the disclosure catalogue: items with editions, categories mapped to website columns,
-- the 索引号 counters, attachments, autosaves, the search index and the working-day calendar.

CREATE TABLE categories (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  parent_id  TEXT REFERENCES categories(id),
  column_id  TEXT NOT NULL DEFAULT '',   -- the website column (栏目) items of this category go to
  sort_order INTEGER NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE items (
  id               TEXT PRIMARY KEY,
  index_number     TEXT NOT NULL UNIQUE,   -- 索引号: assigned on first save, never reused
  created_by       TEXT NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL
) STRICT;

-- An item's editions. The published edition stays live while at most one newer edition is open.
CREATE TABLE editions (
  id                     TEXT PRIMARY KEY,
  item_id                TEXT NOT NULL REFERENCES items(id),
  number                 INTEGER NOT NULL,
  current                INTEGER NOT NULL CHECK (current IN (0, 1)),   -- the item's newest edition
  category_id            TEXT NOT NULL REFERENCES categories(id),
  status                 TEXT NOT NULL CHECK (status IN
                           ('draft', 'submitted', 'reviewed', 'approved', 'queued', 'scheduled',
                            'published', 'failed', 'conflict', 'withdrawn', 'superseded')),
  title                  TEXT NOT NULL,
  summary                TEXT NOT NULL,
  topic                  TEXT NOT NULL,      -- 主题分类
  publisher              TEXT NOT NULL,      -- 发布机构
  drafting_unit          TEXT NOT NULL,
  written_date           TEXT,               -- 成文日期, YYYY-MM-DD (Asia/Shanghai)
  publish_date           TEXT,               -- 发布日期
  publish_date_reason    TEXT NOT NULL,      -- why a future or back-dated 发布日期 is right
  document_number        TEXT NOT NULL,      -- 发文字号
  disclosure             TEXT NOT NULL CHECK (disclosure IN ('proactive', 'on_request', 'not_disclosed')),
  disclosure_article     INTEGER CHECK (disclosure_article IN (14, 15, 16)),
  disclosure_reason      TEXT NOT NULL,
  validity               TEXT NOT NULL CHECK (validity IN ('valid', 'invalid', 'repealed')),
  repealed_date          TEXT,
  normative              INTEGER NOT NULL CHECK (normative IN (0, 1)),   -- 规范性文件
  keywords               TEXT NOT NULL,
  source_level           TEXT NOT NULL CHECK (source_level IN ('national', 'provincial', 'municipal', 'local')),
  author_id              TEXT NOT NULL REFERENCES users(id),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  UNIQUE (item_id, number)
) STRICT;

-- Bodies live apart so that list scans read only the small catalogue rows, never body pages.
CREATE TABLE edition_bodies (
  edition_id TEXT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
  body_html  TEXT NOT NULL,
  body_text  TEXT NOT NULL            -- plain text of the body, for search and comparison
) STRICT;

CREATE UNIQUE INDEX editions_one_open ON editions(item_id)
  WHERE status NOT IN ('published', 'withdrawn', 'superseded');
CREATE INDEX editions_item ON editions(item_id, number);
-- Lists show each item's newest edition; these partial indexes serve the common filters and sorts.
CREATE INDEX editions_cur_updated ON editions(updated_at) WHERE current = 1;
CREATE INDEX editions_cur_status ON editions(status, updated_at) WHERE current = 1;
CREATE INDEX editions_cur_category ON editions(category_id, updated_at) WHERE current = 1;
CREATE INDEX editions_cur_author ON editions(author_id, updated_at) WHERE current = 1;
CREATE INDEX editions_cur_written ON editions(written_date) WHERE current = 1;
CREATE INDEX editions_cur_title ON editions(title) WHERE current = 1;
CREATE INDEX editions_cur_category_title ON editions(category_id, title) WHERE current = 1;
CREATE INDEX editions_cur_category_written ON editions(category_id, written_date) WHERE current = 1;

CREATE TABLE index_counters (
  scope       TEXT PRIMARY KEY,      -- e.g. the year: serials restart per scope and are never reused
  last_serial INTEGER NOT NULL
) STRICT;

-- Files are stored once, content-addressed by SHA-256 under the data directory.
CREATE TABLE attachments (
  id         TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  sha256     TEXT NOT NULL,
  name       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  mime       TEXT NOT NULL,
  ordering   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (edition_id, ordering)
) STRICT;

-- Unsaved editor state, written every few seconds so a crash or power cut loses almost nothing.
CREATE TABLE autosaves (
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  edition_id TEXT NOT NULL,           -- '' for a new item not yet saved
  payload    TEXT NOT NULL,
  saved_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, edition_id)
) STRICT;

-- Full-text search over overlapping CJK bigrams computed in JS (see search/bigram-tokens.ts);
-- the rowid is the rowid of the item's current edition.
CREATE VIRTUAL TABLE edition_search USING fts5(
  title, summary, body, document_number,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

-- The working-day calendar: holidays and make-up working days (调休) per loaded year.
CREATE TABLE calendar_years (
  year      INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,            -- 'chinese-days', 'import', 'admin'
  loaded_at TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'makeup_workday')),
  name TEXT NOT NULL
) STRICT;

-- The categories real offices report by (see a city's annual report). Names are data that admins
-- may rename; ids are stable. Column ids are filled in when the website is connected.
INSERT INTO categories (id, name, parent_id, sort_order) VALUES
  ('gov_document',      '政府文件',               NULL, 10),
  ('interpretation',    '政策解读',               NULL, 20),
  ('news',              '动态信息',               NULL, 30),
  ('notice',            '通知公告',               NULL, 40),
  ('personnel',         '人事信息',               NULL, 50),
  ('finance',           '财政信息',               NULL, 60),
  ('planning',          '规划计划',               NULL, 70),
  ('statistics',        '统计信息',               NULL, 80),
  ('key_area',          '重点领域信息',           NULL, 90),
  ('key_construction',  '重大建设项目',           'key_area', 91),
  ('key_resources',     '公共资源配置',           'key_area', 92),
  ('key_welfare',       '社会公益事业',           'key_area', 93),
  ('special_topic',     '专题',                   NULL, 100),
  ('annual_report',     '政府信息公开年度报告',   NULL, 110),
  ('website_report',    '政府网站工作年度报表',   NULL, 120),
  ('disclosure_guide',  '政府信息公开指南',       NULL, 130),
  ('disclosure_rules',  '政府信息公开制度',       NULL, 140),
  ('online_interview',  '在线访谈',               NULL, 150),
  ('other',             '其他',                   NULL, 900);
