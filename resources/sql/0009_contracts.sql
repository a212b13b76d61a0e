-- Contracts (§5): drafting with the seven required clauses, the review route (approval_steps,
-- entity_kind 'contract'), signing and copies, milestones, the receivable plan and payments,
-- change agreements, termination, archive and retention. Money in minor units; dates are
-- business dates ('YYYY-MM-DD' in the company's time zone); instants are UTC text.

-- Finance's conversion rates (CNY per unit, in millionths); reports add contracts in CNY.
CREATE TABLE exchange_rates (
    currency TEXT PRIMARY KEY CHECK (length(currency) = 3),
    rate_micros BIGINT NOT NULL CHECK (rate_micros > 0),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);

-- Numbers HT-YYYY-NNNN: one counter row per year, advanced by an atomic upsert, so parallel
-- drafts on PostgreSQL never share a number and a number is never reused.
CREATE TABLE contract_number_counters (
    year INTEGER PRIMARY KEY,
    last_sequence INTEGER NOT NULL
);

CREATE TABLE contracts (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    title TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users(id),
    drafter_id BIGINT NOT NULL REFERENCES users(id),
    department_id BIGINT REFERENCES departments(id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL DEFAULT 'CNY',
    amount_cny_minor BIGINT NOT NULL CHECK (amount_cny_minor > 0),
    start_date TEXT,
    end_date TEXT,
    negotiation_id BIGINT,
    state TEXT NOT NULL CHECK (state IN ('draft', 'legal_review', 'finance_review', 'leadership_approval',
        'executive_approval', 'approved', 'effective', 'completed', 'terminated', 'archived', 'destroyed', 'withdrawn')),
    revision INTEGER NOT NULL DEFAULT 1,
    returned_revision INTEGER,
    contract_version INTEGER NOT NULL DEFAULT 1,
    signed_on TEXT,
    our_signatory_id BIGINT REFERENCES users(id),
    their_signatory TEXT,
    seal_applied INTEGER NOT NULL DEFAULT 0,
    termination_reason TEXT,
    termination_notice_date TEXT,
    termination_legal_basis TEXT,
    termination_settlement TEXT,
    completed_on TEXT,
    completion_reason TEXT,
    archive_number TEXT,
    archive_location TEXT,
    archived_on TEXT,
    retention_until TEXT,
    destroyed_at TEXT,
    destroy_approved_by BIGINT REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
-- The list windows by id within each filter; My Tasks reads expiring and retention dates.
CREATE INDEX contracts_state ON contracts(state, id);
CREATE INDEX contracts_customer ON contracts(customer_id, id);
CREATE INDEX contracts_owner ON contracts(owner_id, id);
CREATE INDEX contracts_department ON contracts(department_id, id);
CREATE INDEX contracts_end ON contracts(state, end_date);
CREATE INDEX contracts_retention ON contracts(state, retention_until);

-- The current text of each §5.1.2 clause.
CREATE TABLE contract_clauses (
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    clause TEXT NOT NULL CHECK (clause IN ('obligations', 'specification', 'price', 'delivery', 'acceptance',
        'payment', 'breach')),
    body TEXT NOT NULL,
    PRIMARY KEY (contract_id, clause)
);

-- The clauses as submitted in each revision, so reviewers see the diff against the one they returned.
CREATE TABLE contract_clause_revisions (
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    revision INTEGER NOT NULL,
    clause TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (contract_id, revision, clause)
);

-- Reviewers' comments, per clause or on the whole contract (clause NULL).
CREATE TABLE contract_review_comments (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    revision INTEGER NOT NULL,
    clause TEXT,
    body TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX contract_review_comments_contract ON contract_review_comments(contract_id, id);

-- Clause templates kept by legal (§5.1.3).
CREATE TABLE contract_clause_templates (
    id {{ID}},
    clause TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id),
    UNIQUE (clause, name)
);

-- The contract document, annexes and signed scans; content is removed on destruction (§5.6.3)
-- while name, size and hash stay.
CREATE TABLE contract_attachments (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    kind TEXT NOT NULL CHECK (kind IN ('document', 'annex', 'signed_scan', 'change_scan', 'termination')),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{BLOB}},
    uploaded_at TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE INDEX contract_attachments_contract ON contract_attachments(contract_id);

-- Copies distributed at signing (§5.3.3): legal, finance and the delivery department.
CREATE TABLE contract_copies (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    recipient TEXT NOT NULL CHECK (recipient IN ('legal', 'finance', 'delivery')),
    delivery_department_id BIGINT REFERENCES departments(id),
    acknowledged_at TEXT,
    acknowledged_by BIGINT REFERENCES users(id),
    UNIQUE (contract_id, recipient)
);
CREATE INDEX contract_copies_open ON contract_copies(recipient, acknowledged_at);

CREATE TABLE contract_milestones (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    kind TEXT NOT NULL CHECK (kind IN ('delivery', 'acceptance', 'payment')),
    due_date TEXT NOT NULL,
    amount_minor BIGINT,
    done_on TEXT,
    done_by BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX contract_milestones_contract ON contract_milestones(contract_id);
CREATE INDEX contract_milestones_open ON contract_milestones(done_on, due_date);

-- 回款计划 and 回款记录 (§5.4).
CREATE TABLE contract_receivables (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    due_date TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX contract_receivables_contract ON contract_receivables(contract_id);
CREATE INDEX contract_receivables_due ON contract_receivables(due_date);

CREATE TABLE contract_payments (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    receivable_id BIGINT REFERENCES contract_receivables(id),
    paid_on TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    method TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE INDEX contract_payments_contract ON contract_payments(contract_id);
CREATE INDEX contract_payments_receivable ON contract_payments(receivable_id);

-- Change agreements (§5.5.1–2): each is a new contract version; clause changes keep before/after.
CREATE TABLE contract_changes (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    contract_version INTEGER NOT NULL,
    content TEXT NOT NULL,
    reason TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    amount_before_minor BIGINT,
    amount_after_minor BIGINT,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    UNIQUE (contract_id, contract_version)
);
CREATE TABLE contract_change_clauses (
    change_id BIGINT NOT NULL REFERENCES contract_changes(id),
    clause TEXT NOT NULL,
    body_before TEXT NOT NULL,
    body_after TEXT NOT NULL,
    PRIMARY KEY (change_id, clause)
);

-- Issues during execution (§5.4.2) and the customer's satisfaction (§5.4.3).
CREATE TABLE contract_issues (
    id {{ID}},
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    kind TEXT NOT NULL CHECK (kind IN ('changed_needs', 'delay', 'quality_dispute')),
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    resolution TEXT,
    opened_at TEXT NOT NULL,
    opened_by BIGINT NOT NULL REFERENCES users(id),
    resolved_at TEXT,
    resolved_by BIGINT REFERENCES users(id)
);
CREATE INDEX contract_issues_contract ON contract_issues(contract_id);
CREATE TABLE contract_satisfaction (
    contract_id BIGINT PRIMARY KEY REFERENCES contracts(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id)
);
