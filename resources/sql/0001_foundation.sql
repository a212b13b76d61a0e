-- Foundation and identity: departments, people, delegation, policy settings, audit trail.
-- Portable SQL: {{ID}} and {{BLOB}} are expanded per backend; timestamps are UTC ISO-8601 text;
-- booleans are INTEGER 0/1; money is BIGINT minor units.

CREATE TABLE departments (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    -- the head is checked by IdentityService (a foreign key would make the two tables circular)
    head_user_id BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT,
    updated_at TEXT NOT NULL,
    updated_by BIGINT
);

CREATE TABLE users (
    id {{ID}},
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    department_id BIGINT REFERENCES departments(id),
    superior_id BIGINT REFERENCES users(id),
    email TEXT,
    phone TEXT,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT,
    updated_at TEXT NOT NULL,
    updated_by BIGINT
);
CREATE INDEX users_department ON users(department_id);
CREATE INDEX users_superior ON users(superior_id);

CREATE TABLE delegations (
    id {{ID}},
    delegator_id BIGINT NOT NULL REFERENCES users(id),
    delegate_id BIGINT NOT NULL REFERENCES users(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by BIGINT
);
CREATE INDEX delegations_delegate ON delegations(delegate_id, starts_on, ends_on);

CREATE TABLE policy_values (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);

CREATE TABLE policy_history (
    policy_version INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT REFERENCES users(id)
);

CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    actor_id BIGINT,
    actor_login TEXT,
    on_behalf_of_id BIGINT,
    on_behalf_of_login TEXT,
    action TEXT NOT NULL,
    entity_kind TEXT NOT NULL,
    entity_id BIGINT,
    before_json TEXT,
    after_json TEXT,
    policy_version INTEGER NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity_kind, entity_id);

-- Generic workflow history: every state transition of every approvable record
-- (entertainment requests, contracts, candidates, appraisals, customers' pipeline stages).
CREATE TABLE workflow_transitions (
    id {{ID}},
    entity_kind TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users(id),
    on_behalf_of_id BIGINT REFERENCES users(id),
    comment TEXT,
    at TEXT NOT NULL,
    policy_version INTEGER NOT NULL
);
CREATE INDEX workflow_transitions_entity ON workflow_transitions(entity_kind, entity_id);
