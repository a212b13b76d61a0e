-- Issue 10: the customer code of the system a customer was imported from (客户编码), kept, shown
-- and searchable (it goes into search_text, so the FTS index covers it), and the pinyin sort key of
-- the name (support/NameCollation: hex of ICU's zh sort key; COLLATE "C" byte order is pinyin order). The
-- migrator fills name_sort for existing rows right after this script.
ALTER TABLE customers ADD COLUMN external_code TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN name_sort TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX customers_external_code ON customers(external_code);
-- The list sorts by name through these, with and without a filter (1M rows stay index-backed).
CREATE INDEX customers_name_sort ON customers(name_sort, id);
CREATE INDEX customers_owner_name_sort ON customers(owner_id, name_sort, id);
CREATE INDEX customers_class_name_sort ON customers(class, name_sort, id);
CREATE INDEX customers_stage_name_sort ON customers(stage, name_sort, id);
