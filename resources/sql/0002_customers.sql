-- Customers (§3). Core columns other modules rely on (entertainment routes key customers to
-- executives, §6.3.3); the customers module extends this file.
CREATE TABLE customers (
    id {{ID}},
    name TEXT NOT NULL,
    class TEXT NOT NULL DEFAULT 'potential' CHECK (class IN ('key', 'general', 'potential')),
    owner_id BIGINT REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX customers_owner ON customers(owner_id);
