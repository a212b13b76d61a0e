-- Entertainment expenses (§6) and the generic approval routes every approvable record uses.

-- The route computed at submission: ordered steps, each with the rule that designated its
-- approvers, the mode (single / any_of 或签 / all_of 会签), the state name users see and the
-- clause that put it there. entity_kind names the record ("expense", "expense_claim", later
-- "contract", "offer", "appraisal").
CREATE TABLE approval_steps (
    id {{ID}},
    entity_kind TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    rule_kind TEXT NOT NULL CHECK (rule_kind IN ('department_head', 'superior_of', 'role', 'named')),
    rule_department_id BIGINT,
    rule_subject_id BIGINT,
    rule_role TEXT,
    rule_people TEXT,
    mode TEXT NOT NULL CHECK (mode IN ('single', 'any_of', 'all_of')),
    clause TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'current', 'approved', 'returned', 'rejected')),
    UNIQUE (entity_kind, entity_id, position)
);
CREATE INDEX approval_steps_status ON approval_steps(status, entity_kind);

CREATE TABLE approval_step_approvers (
    id {{ID}},
    step_id BIGINT NOT NULL REFERENCES approval_steps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    approver_id BIGINT NOT NULL REFERENCES users(id),
    decided_by BIGINT REFERENCES users(id),
    decision TEXT CHECK (decision IS NULL OR decision IN ('approved', 'returned', 'rejected')),
    decided_at TEXT,
    comment TEXT
);
CREATE INDEX approval_step_approvers_step ON approval_step_approvers(step_id);
CREATE INDEX approval_step_approvers_approver ON approval_step_approvers(approver_id, decision);

-- 商務應酬申請表 (§6.3.1) with its claim (§6.4). Money in fen.
CREATE TABLE entertainment_requests (
    id {{ID}},
    applicant_id BIGINT NOT NULL REFERENCES users(id),
    department_id BIGINT REFERENCES departments(id),
    category TEXT NOT NULL CHECK (category IN ('reception', 'banquet', 'event', 'other')),
    reason TEXT NOT NULL,
    event_at TEXT NOT NULL,
    place TEXT NOT NULL,
    participants TEXT NOT NULL,
    headcount INTEGER NOT NULL CHECK (headcount >= 1),
    estimate_minor BIGINT NOT NULL CHECK (estimate_minor > 0),
    currency TEXT NOT NULL DEFAULT 'CNY',
    customer_id BIGINT REFERENCES customers(id),
    negotiation_id BIGINT,
    contract_id BIGINT,
    over_budget INTEGER NOT NULL DEFAULT 0,
    over_budget_explanation TEXT,
    state TEXT NOT NULL CHECK (state IN ('draft', 'pending_dept_review', 'pending_superior_approval',
        'pending_executive_approval', 'approved', 'pending_overrun_approval', 'pending_finance_review',
        'reimbursed', 'rejected', 'withdrawn', 'cancelled', 'claim_refused')),
    actual_minor BIGINT CHECK (actual_minor IS NULL OR actual_minor > 0),
    receipt_count INTEGER NOT NULL DEFAULT 0,
    claim_explanation TEXT,
    claimed_at TEXT,
    late INTEGER NOT NULL DEFAULT 0,
    overrun INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX entertainment_requests_applicant ON entertainment_requests(applicant_id, event_at);
CREATE INDEX entertainment_requests_department ON entertainment_requests(department_id, event_at);
CREATE INDEX entertainment_requests_state ON entertainment_requests(state);

-- Scanned receipts (§6.4.1): PDF, JPEG or PNG, size-capped, with their SHA-256.
CREATE TABLE entertainment_attachments (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES entertainment_requests(id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{BLOB}} NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE INDEX entertainment_attachments_request ON entertainment_attachments(request_id);
