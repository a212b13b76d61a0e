-- Indexes of the contract list's filters (ContractRepository::list, proved by EXPLAIN QUERY PLAN
-- in ContractFilesTest). Customer, owner and "ending soon" use contracts_customer, contracts_owner
-- and contracts_end of 0009.

-- "Overdue receivables" walks the effective contracts newest first (contracts_state) and looks at
-- each one's installments due before today: one range of this index per contract. It replaces the
-- single-column contract_receivables_contract, which it covers.
CREATE INDEX contract_receivables_due_by_contract ON contract_receivables(contract_id, due_date);
DROP INDEX contract_receivables_contract;
