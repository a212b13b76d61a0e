-- The company profile (one row): the name, address and phone that head every printed document,
-- and the time zone in which business dates (months, due dates, "today") are cut. An empty
-- time_zone means the system's zone of whoever runs BizDesk. The row is written on the first save
-- (version 0 stands for "never saved"), so a restored backup brings its own row.
CREATE TABLE company_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by BIGINT REFERENCES users(id)
);
