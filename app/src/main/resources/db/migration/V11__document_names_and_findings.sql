-- Names an imported document gave to functional codes outside the year's catalogue (code → name).
alter table budget add column document_names jsonb not null default '{}';

-- Published cells a budget's ledger was allowed not to reproduce (imported with findings accepted).
create table disclosure_finding (
    budget_id          varchar(64)   not null,
    position           integer       not null,
    table_number       integer       not null,
    title              varchar(200)  not null,
    row_label          varchar(1000) not null,
    column_name        varchar(200)  not null,
    source_line        integer       not null,
    published_wan_yuan numeric(20, 2),
    ledger_fen         bigint        not null,
    primary key (budget_id, position)
);
