-- The template of 部门预算公开 a budget's tables are published in (null: the seed's, shanxi-13).
alter table budget add column template_id varchar(64);

-- The unit of a finding's table (null: 万元); tables of other templates print amounts in 元.
alter table disclosure_finding add column unit varchar(8);

-- Defects of an imported document recorded on import (a narrative that contradicts itself, a comparison with
-- executed figures, an empty-table note over figures): found, never corrected.
create table disclosure_document_finding (
    budget_id   varchar(64)   not null,
    position    integer       not null,
    severity    varchar(8)    not null,
    source_line integer       not null,
    place       varchar(200)  not null,
    text        varchar(2000) not null,
    primary key (budget_id, position)
);
