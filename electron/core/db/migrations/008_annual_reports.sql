-- 政府信息公开工作年度报告: the working copy of each year's report (the narrative the officer edits and
-- the figures typed in from other systems) and the snapshots frozen at each export.

CREATE TABLE annual_report_drafts (
  year        INTEGER PRIMARY KEY,
  overview    TEXT NOT NULL,          -- 一、总体情况
  problems    TEXT NOT NULL,          -- 五、存在的主要问题及改进情况
  other       TEXT NOT NULL,          -- 六、其他需要报告的事项
  entered     TEXT NOT NULL,          -- JSON: 行政许可/处罚/强制 decisions, 行政事业性收费 万元, their source
  updated_by  TEXT REFERENCES users(id),
  updated_at  TEXT NOT NULL
) STRICT;

-- A filed report never changes: later edits to the registers show as differences, not as new figures.
CREATE TABLE annual_report_snapshots (
  id               TEXT PRIMARY KEY,
  year             INTEGER NOT NULL,
  model            TEXT NOT NULL,     -- JSON of the report model as exported
  narrative        TEXT NOT NULL,     -- JSON { overview, problems, other }
  failed_checks    INTEGER NOT NULL,
  override_reason  TEXT NOT NULL,     -- why it was exported although cross-checks failed ('' when none failed)
  file_name        TEXT NOT NULL,
  docx             BLOB NOT NULL,     -- the exact file handed out
  item_id          TEXT REFERENCES items(id),   -- the catalogue item made from it, if any
  created_by       TEXT REFERENCES users(id),
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX annual_report_snapshots_year ON annual_report_snapshots(year, created_at);
