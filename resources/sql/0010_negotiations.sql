-- Negotiations (§4): preparation (team, strategy, materials, the confidential figures), the
-- stages (history in workflow_transitions, entity_kind 'negotiation'), sessions, probing notes,
-- estimates of their bottom line, offers, terms, deadlocks and the summary with its recipients.
-- Money in minor units (yuan fen); dates are business dates 'YYYY-MM-DD'; instants UTC text.

CREATE TABLE negotiations (
    id {{ID}},
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    research_id BIGINT REFERENCES market_research(id),
    title TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL CHECK (direction IN ('sell', 'buy')),
    importance TEXT NOT NULL CHECK (importance IN ('low', 'medium', 'high')),
    complexity TEXT NOT NULL CHECK (complexity IN ('low', 'medium', 'high')),
    target_minor BIGINT CHECK (target_minor >= 0),
    bottom_line_minor BIGINT CHECK (bottom_line_minor >= 0),
    anchor_minor BIGINT CHECK (anchor_minor >= 0),
    batna TEXT NOT NULL DEFAULT '',
    batna_value_minor BIGINT CHECK (batna_value_minor >= 0),
    walk_away TEXT NOT NULL DEFAULT '',
    planned_end TEXT,
    stage TEXT NOT NULL CHECK (stage IN ('preparation', 'opening', 'probing', 'quoting', 'bargaining', 'deadlock',
        'consensus', 'no_deal')),
    deadlock_from TEXT CHECK (deadlock_from IN ('quoting', 'bargaining')),
    our_strengths TEXT NOT NULL DEFAULT '',
    our_weaknesses TEXT NOT NULL DEFAULT '',
    their_strengths TEXT NOT NULL DEFAULT '',
    their_weaknesses TEXT NOT NULL DEFAULT '',
    their_strategy TEXT NOT NULL DEFAULT '',
    our_responses TEXT NOT NULL DEFAULT '',
    briefing_held INTEGER NOT NULL DEFAULT 0,
    summary_background TEXT NOT NULL DEFAULT '',
    summary_goal_attainment TEXT NOT NULL DEFAULT '',
    summary_process_review TEXT NOT NULL DEFAULT '',
    summary_disagreements TEXT NOT NULL DEFAULT '',
    summary_lessons TEXT NOT NULL DEFAULT '',
    submitted_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
-- The list windows by id within each filter; the customer page lists a customer's negotiations.
CREATE INDEX negotiations_stage ON negotiations(stage, id);
CREATE INDEX negotiations_customer ON negotiations(customer_id, id);
CREATE INDEX negotiations_importance ON negotiations(importance, id);

-- The team (§4.1.1, §4.1.4): each member's role and duties; one lead.
CREATE TABLE negotiation_members (
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'support')),
    duties TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (negotiation_id, user_id)
);
CREATE INDEX negotiation_members_user ON negotiation_members(user_id, negotiation_id);

-- Materials (§4.1.3) as notes.
CREATE TABLE negotiation_materials (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    kind TEXT NOT NULL CHECK (kind IN ('market', 'industry', 'competitors', 'laws')),
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX negotiation_materials_negotiation ON negotiation_materials(negotiation_id, id);

-- Sessions (§4.2.1).
CREATE TABLE negotiation_sessions (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL DEFAULT '',
    end_time TEXT NOT NULL DEFAULT '',
    our_attendees TEXT NOT NULL DEFAULT '',
    their_attendees TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    minutes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX negotiation_sessions_negotiation ON negotiation_sessions(negotiation_id, id);

-- Probing notes (§4.2.2).
CREATE TABLE negotiation_probing_notes (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    position TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    presumed_bottom_line TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX negotiation_probing_notes_negotiation ON negotiation_probing_notes(negotiation_id, id);

-- Estimates of their bottom line (§4.2.2), each kept with its date and source; the latest counts.
CREATE TABLE negotiation_estimates (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    low_minor BIGINT NOT NULL CHECK (low_minor >= 0),
    high_minor BIGINT NOT NULL CHECK (high_minor >= low_minor),
    source TEXT NOT NULL DEFAULT '',
    estimated_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX negotiation_estimates_negotiation ON negotiation_estimates(negotiation_id, id);

-- Offers (§4.2.3) of both sides; concessions are computed from ours (§4.3.3).
CREATE TABLE negotiation_offers (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    side TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    offered_on TEXT NOT NULL,
    conditions TEXT NOT NULL DEFAULT '',
    got TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE INDEX negotiation_offers_negotiation ON negotiation_offers(negotiation_id, id);

-- Terms under discussion (§4.2.4): each side's position and whether it is agreed.
CREATE TABLE negotiation_terms (
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    term TEXT NOT NULL CHECK (term IN ('price', 'delivery', 'service', 'acceptance', 'payment', 'breach')),
    ours TEXT NOT NULL DEFAULT '',
    theirs TEXT NOT NULL DEFAULT '',
    agreed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (negotiation_id, term)
);

-- Deadlocks (§4.2.5): cause, strategy chosen and outcome; resolved when the stage leaves deadlock.
CREATE TABLE negotiation_deadlocks (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    from_stage TEXT NOT NULL CHECK (from_stage IN ('quoting', 'bargaining')),
    cause TEXT NOT NULL DEFAULT '',
    strategy TEXT CHECK (strategy IN ('change_strategy', 'mediation', 'park')),
    outcome TEXT NOT NULL DEFAULT '',
    opened_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX negotiation_deadlocks_negotiation ON negotiation_deadlocks(negotiation_id, id);

-- Who the summary went to (§4.4.3): the lead's superior (user_id) and chosen departments
-- (department_id); each acknowledges once.
CREATE TABLE negotiation_recipients (
    id {{ID}},
    negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
    user_id BIGINT REFERENCES users(id),
    department_id BIGINT REFERENCES departments(id),
    acknowledged_at TEXT,
    acknowledged_by BIGINT REFERENCES users(id),
    CHECK ((user_id IS NULL) <> (department_id IS NULL))
);
CREATE INDEX negotiation_recipients_user ON negotiation_recipients(user_id, acknowledged_at);
CREATE INDEX negotiation_recipients_department ON negotiation_recipients(department_id, acknowledged_at);
CREATE INDEX negotiation_recipients_negotiation ON negotiation_recipients(negotiation_id);
