-- Issue 16: sweeps (the return of unfollowed customers to the pool) commit in short batches, so
-- "only one sweeper at a time" needs a lock that outlives a transaction. PostgreSQL has session
-- advisory locks for that; on SQLite the sweeper holds a lease row here, renewed with each
-- batch. A killed sweeper's lease runs out by itself (expires_at, UTC), so nobody waits on it
-- for longer than the lease.
CREATE TABLE sweep_locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
