-- The contract ledger (合同台账) lists the contracts signed in a period, in signing order; the
-- receivables view walks open installments by due date (contract_receivables_due serves it).
CREATE INDEX contracts_signed ON contracts(signed_on, id);
