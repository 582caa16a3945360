-- The 政府采购 items a budget's procurement table lists, written by ProcurementProjection: one row per item in the
-- table's order, amounts in 分 by kind of money (ProcurementFunds). A later record replaces a budget's rows whole;
-- last_sequence is the record's, so a replayed older record never overwrites a newer one.
create table procurement_item (
    budget_id      varchar(64)  not null,
    position       int          not null,
    unit_name      varchar(2000) not null,
    category       varchar(16)  not null,
    project        varchar(2000) not null,
    economic_item  varchar(2000) not null,
    catalogue_item varchar(2000) not null,
    method         varchar(2000) not null,
    amounts        jsonb        not null,
    last_sequence  bigint       not null,
    primary key (budget_id, position)
);
