-- Substring search (Chinese included): an external-content FTS5 index with the trigram
-- tokenizer over customers.search_text, kept in step by triggers.
CREATE VIRTUAL TABLE customers_fts USING fts5(search_text, content='customers', content_rowid='id',
                                              tokenize='trigram');
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF search_text ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO customers_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
