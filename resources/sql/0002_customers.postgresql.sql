-- Substring search (Chinese included): a pg_trgm GIN index over customers.search_text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops);
