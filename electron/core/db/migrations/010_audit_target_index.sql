-- Separation of duties asks the audit trail who changed an edition's content
-- (services/authorship.ts) at every sign-off and approval; without this index that is a scan of
-- ten years of audit entries.
CREATE INDEX audit_log_target ON audit_log(target_type, target_id, actor_id);
