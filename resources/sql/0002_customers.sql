-- Customers (§3). Core columns other modules rely on (entertainment routes key customers to
-- executives, §6.3.3); the customers module extends this file.
CREATE TABLE customer_segments (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    traits TEXT NOT NULL DEFAULT '',
    strategy TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);

CREATE TABLE customers (
    id {{ID}},
    name TEXT NOT NULL,
    class TEXT NOT NULL DEFAULT 'potential' CHECK (class IN ('key', 'general', 'potential')),
    owner_id BIGINT REFERENCES users(id),
    short_name TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    size_band TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    channel TEXT CHECK (channel IS NULL OR channel IN ('online', 'phone', 'exhibition', 'partner', 'referral')),
    stage TEXT NOT NULL DEFAULT 'lead'
        CHECK (stage IN ('lead', 'contacted', 'needs_analysis', 'demo_negotiation', 'won', 'lost')),
    lost_reason TEXT NOT NULL DEFAULT '',
    segment_id BIGINT REFERENCES customer_segments(id),
    tags TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    -- duplicate detection keys (normalised name, digits of the phone, lower-case e-mail)
    name_key TEXT NOT NULL DEFAULT '',
    phone_key TEXT NOT NULL DEFAULT '',
    -- everything substring search looks in, case-folded (FTS5 trigram / pg_trgm index it)
    search_text TEXT NOT NULL DEFAULT '',
    last_contact_at TEXT,
    stage_changed_at TEXT,
    owned_since TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX customers_owner ON customers(owner_id, name, id);
CREATE INDEX customers_name ON customers(name, id);
CREATE INDEX customers_name_key ON customers(name_key);
CREATE INDEX customers_phone_key ON customers(phone_key);
CREATE INDEX customers_email ON customers(email);
CREATE INDEX customers_class ON customers(class, name, id);
CREATE INDEX customers_stage ON customers(stage, name, id);
CREATE INDEX customers_last_contact ON customers(last_contact_at, id);
CREATE INDEX customers_updated ON customers(updated_at, id);

CREATE TABLE customer_contacts (
    id {{ID}},
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    wechat TEXT NOT NULL DEFAULT '',
    birthday TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id);

-- The contact log (§3.2.3); complaints carry a status until resolved.
CREATE TABLE customer_contact_log (
    id {{ID}},
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'meeting', 'feedback', 'complaint')),
    at TEXT NOT NULL,
    by_id BIGINT NOT NULL REFERENCES users(id),
    note TEXT NOT NULL,
    next_follow_up TEXT,
    complaint_status TEXT CHECK (complaint_status IS NULL OR complaint_status IN ('open', 'in_progress', 'resolved')),
    resolution TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX customer_contact_log_customer ON customer_contact_log(customer_id, at);
CREATE INDEX customer_contact_log_follow_up ON customer_contact_log(by_id, next_follow_up);
CREATE INDEX customer_contact_log_complaints ON customer_contact_log(complaint_status, customer_id);

-- Market research records (§3.1.1).
CREATE TABLE market_research (
    id {{ID}},
    topic TEXT NOT NULL,
    research_date TEXT NOT NULL,
    findings TEXT NOT NULL DEFAULT '',
    competitors TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);

-- Win-back of at-risk customers (§3.2.4): cause, measures, later the result.
CREATE TABLE customer_winbacks (
    id {{ID}},
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    cause TEXT NOT NULL,
    measures TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'won_back', 'lost')),
    result_note TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    result_at TEXT
);
CREATE INDEX customer_winbacks_customer ON customer_winbacks(customer_id);

-- Customer events (§3.2.3): appreciation events and training sessions, with invited customers.
CREATE TABLE customer_events (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('appreciation', 'training')),
    title TEXT NOT NULL,
    event_date TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id)
);
CREATE TABLE customer_event_invitations (
    event_id BIGINT NOT NULL REFERENCES customer_events(id),
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    invited_at TEXT NOT NULL,
    invited_by BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (event_id, customer_id)
);
CREATE INDEX customer_event_invitations_customer ON customer_event_invitations(customer_id);
