-- Issue 16: every My Tasks query is O(result), one index range scan per source (the query-plan
-- test, tests/services/TaskQueryPlanTest, runs EXPLAIN on each and fails on a full scan).
--
-- Overdue contacts, per class: the owner's customers of one class in the order their contact
-- fell due (the last contact, else since they were owned, else since they were created). The
-- query filters and sorts on the same expression and stops at its LIMIT. SQLite and PostgreSQL
-- both match an indexed expression written the same way in the query.
CREATE INDEX customers_owner_contact_due ON customers(owner_id, class, (COALESCE(last_contact_at, owned_since, created_at)), id);
-- Renewals: one owner's effective contracts by end date; overdue milestones come through the
-- same owner's effective contracts and then each contract's open milestones.
CREATE INDEX contracts_owner_end ON contracts(owner_id, state, end_date);
CREATE INDEX contract_milestones_open_by_contract ON contract_milestones(contract_id, done_on, due_date);
-- Superseded by contract_milestones_open_by_contract: the open milestones of the whole company
-- by due date (only the old form of the overdue-milestone query read it), and a contract's
-- milestones (the new index starts with contract_id).
DROP INDEX contract_milestones_open;
DROP INDEX contract_milestones_contract;
