-- Issue 18: how far the read models hold each budget's events (BudgetProgress). Written by the ledger-core
-- processor with every batch, and by a change applied in its command's own transaction (LinesInCommandTransaction).
-- Budgets get their row with their next event; read your writes waits for the processor until then.
create table budget_progress (
    budget_id        varchar(255) primary key,
    applied_sequence bigint       not null
);
