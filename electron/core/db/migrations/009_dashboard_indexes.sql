-- Indexes for the 工作台 figures (and the annual report's 二).
-- A year's published items by category and level: one covering range scan over the published
-- editions. At most one edition of an item is 'published' at a time, so these rows count items.
CREATE INDEX editions_published_date ON editions(publish_date, category_id, source_level) WHERE status = 'published';
-- Sync failures waiting for someone: few rows, whatever the size of the outbox.
CREATE INDEX outbox_stopped ON outbox(state) WHERE state IN ('failed', 'conflict');
