-- Approver context for entertainment requests (issue 10).
-- A decision taken by someone who is among the staff taking part in the event is recorded with a
-- conflict-of-interest note (who decided, for whom, which step, what); the audit entry of the
-- decision carries the same note.
CREATE TABLE entertainment_conflicts (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES entertainment_requests(id),
    step_state TEXT NOT NULL,
    approver_id BIGINT NOT NULL REFERENCES users(id),
    decided_by BIGINT NOT NULL REFERENCES users(id),
    decision TEXT NOT NULL,
    note TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE INDEX entertainment_conflicts_request ON entertainment_conflicts(request_id);

-- The expense report and the month lists select by event date across all departments.
CREATE INDEX entertainment_requests_event ON entertainment_requests(event_at);
