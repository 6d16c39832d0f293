-- The 工作台's deadline queues (services/deadlines.ts) count the open first editions of proactive
-- items by 成文日期. Through editions_cur_written that visited every current edition written
-- before the cut-off, published or not: 0.5–1 s at ten years' scale. This index holds only the
-- open ones, in date order, with the same condition as the queries, so they read it alone.
CREATE INDEX editions_open_proactive_written ON editions(written_date)
  WHERE current = 1 AND status NOT IN ('published', 'withdrawn', 'superseded') AND number = 1 AND disclosure = 'proactive';
