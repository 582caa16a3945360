-- The tables of the document a budget was imported from, as published (one JSON document per table).
create table published_table (
    budget_id       varchar(64)  not null,
    table_number    integer      not null,
    document_no     varchar(100) not null,
    document_sha256 varchar(64)  not null,
    content         jsonb        not null,
    primary key (budget_id, table_number)
);
