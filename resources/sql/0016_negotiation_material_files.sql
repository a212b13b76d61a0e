-- A negotiation's material (§4.1.3) may carry a file: stored like a contract attachment, with its
-- size and SHA-256, checked whenever it is read back. A material without a file keeps NULLs.
ALTER TABLE negotiation_materials ADD COLUMN file_name TEXT;
ALTER TABLE negotiation_materials ADD COLUMN media_type TEXT;
ALTER TABLE negotiation_materials ADD COLUMN size_bytes BIGINT;
ALTER TABLE negotiation_materials ADD COLUMN sha256 TEXT;
ALTER TABLE negotiation_materials ADD COLUMN content {{BLOB}};
