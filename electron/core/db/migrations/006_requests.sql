-- 依申请公开 (public information requests): the register, the clock events (immutable), and the
-- files that came with each application. The clock itself is computed by
-- shared/domain/application-clock.ts from the events; `requests.state/due_date` cache its result
-- (recomputed after every event and every calendar change) so lists and the dashboard can sort.
--
-- Request numbers: 依申〔YYYY〕N号, N restarting each year of receipt, kept in index_counters under
-- the scope 'request:YYYY' (never reused).
--
-- For the annual report (table 三), see requestsForYear() in electron/core/services/requests.ts, or:
--   new this year:      SELECT applicant_type, count(*) FROM requests
--                       WHERE received_on BETWEEN 'Y-01-01' AND 'Y-12-31' GROUP BY applicant_type;
--   carried in (上年结转): received_on <= '(Y-1)-12-31' AND (closed_on IS NULL OR closed_on > '(Y-1)-12-31')
--   results this year:  SELECT applicant_type, outcome, count(*) FROM requests
--                       WHERE closed_on BETWEEN 'Y-01-01' AND 'Y-12-31' GROUP BY applicant_type, outcome;
--   carried out (结转):  received_on <= 'Y-12-31' AND (closed_on IS NULL OR closed_on > 'Y-12-31')
-- closed_on is the date of the closing clock event (closed / correction_lapsed / fee_lapsed), which
-- is what carriedOver() in application-clock.ts uses too.

CREATE TABLE requests (
  id                  TEXT PRIMARY KEY,
  request_number      TEXT NOT NULL UNIQUE,          -- 依申〔2026〕1号
  year                INTEGER NOT NULL,              -- year of the number (year of receipt)
  serial              INTEGER NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('in_person', 'post_signed', 'post_ordinary', 'online', 'fax')),
  receipt_facts       TEXT NOT NULL,                 -- JSON ReceiptFacts (第三十一条)
  received_on         TEXT NOT NULL,                 -- 收到申请之日, YYYY-MM-DD
  applicant_type      TEXT NOT NULL CHECK (applicant_type IN
                        ('natural_person', 'business', 'research', 'public_interest', 'legal_services', 'other_org')),
  -- Personal data: shown in full only to the handling roles; masked by the service otherwise.
  applicant_name      TEXT NOT NULL,
  applicant_id_number TEXT NOT NULL DEFAULT '',      -- 身份证号 or 统一社会信用代码
  applicant_phone     TEXT NOT NULL DEFAULT '',
  applicant_address   TEXT NOT NULL DEFAULT '',
  applicant_email     TEXT NOT NULL DEFAULT '',
  subject             TEXT NOT NULL,                 -- what is asked for (所需信息的名称、文号或描述)
  form_wanted         TEXT NOT NULL CHECK (form_wanted IN ('paper', 'electronic', 'other')),
  delivery_wanted     TEXT NOT NULL CHECK (delivery_wanted IN ('post', 'collect', 'email', 'fax', 'online', 'on_site')),
  -- Cached clock (computeClock); never the source of truth.
  state               TEXT NOT NULL CHECK (state IN ('open', 'awaiting_correction', 'paused', 'closed')),
  due_date            TEXT,
  due_provisional     INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1)),
  -- Closure.
  outcome             TEXT CHECK (outcome IN (
                        'disclosed', 'partial',
                        'denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability',
                        'denied_third_party', 'denied_internal_affairs', 'denied_process_information',
                        'denied_enforcement_file', 'denied_inquiry_matter',
                        'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_still_unclear',
                        'not_processed_petition', 'not_processed_repeat', 'not_processed_publication',
                        'not_processed_excessive', 'not_processed_confirmation',
                        'other_no_correction', 'other_fee_unpaid', 'other_other')),
  closed_on           TEXT,                          -- date of the closing event
  reply_date          TEXT,                          -- 答复日期
  reply_method        TEXT CHECK (reply_method IN ('post', 'collect', 'email', 'fax', 'online', 'on_site')),
  created_by          TEXT NOT NULL REFERENCES users(id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (year, serial),
  CHECK ((state = 'closed') = (outcome IS NOT NULL AND closed_on IS NOT NULL))
) STRICT;
CREATE INDEX requests_received ON requests(received_on);
CREATE INDEX requests_closed ON requests(closed_on);
CREATE INDEX requests_open_due ON requests(due_date) WHERE state <> 'closed';

-- Append-only, one row per clock event in the order recorded (seq). type/date and the JSON detail
-- rebuild the application-clock ClockEvent; old_due/new_due are the due dates as computed when the
-- event was recorded (later calendar changes are logged in the audit trail, not here).
CREATE TABLE request_events (
  id           TEXT PRIMARY KEY,
  request_id   TEXT NOT NULL REFERENCES requests(id),
  seq          INTEGER NOT NULL,
  type         TEXT NOT NULL CHECK (type IN (
                 'received', 'correction_requested', 'correction_received', 'correction_lapsed',
                 'consultation_started', 'consultation_ended', 'extended',
                 'fee_notice', 'fee_paid', 'fee_lapsed', 'closed')),
  date         TEXT NOT NULL,                        -- the day it happened, YYYY-MM-DD
  reason       TEXT NOT NULL,                        -- the officer's note
  detail       TEXT NOT NULL DEFAULT '{}',           -- JSON: workdays, party, letterReceived, …
  actor_id     TEXT NOT NULL REFERENCES users(id),
  actor_name   TEXT NOT NULL,
  approved_by  TEXT REFERENCES users(id),            -- extension: the approver who confirmed with a password
  approver_name TEXT,
  fee_standard TEXT CHECK (fee_standard IN ('by_items', 'by_pages')),   -- fee_notice only
  fee_quantity INTEGER,
  fee_amount   INTEGER,                              -- 元
  old_due      TEXT,
  new_due      TEXT,
  recorded_at  TEXT NOT NULL,
  UNIQUE (request_id, seq),
  CHECK ((type = 'extended') = (approved_by IS NOT NULL)),
  CHECK ((type = 'fee_notice') = (fee_standard IS NOT NULL AND fee_quantity IS NOT NULL AND fee_amount IS NOT NULL))
) STRICT;

CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;
CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;

-- Files received with the application; bytes in the same content-addressed store as item
-- attachments (<data>/files/ab/abcdef…).
CREATE TABLE request_attachments (
  id         TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests(id),
  sha256     TEXT NOT NULL,
  name       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  mime       TEXT NOT NULL,
  ordering   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (request_id, ordering)
) STRICT;
