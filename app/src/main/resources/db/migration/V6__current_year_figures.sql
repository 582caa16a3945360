-- This year's figures recorded as facts (政府采购 and its parts), written by CurrentYearFigureProjection.
create table current_year_figure (
    budget_id     varchar(64) not null,
    subject       varchar(64) not null,
    amount_fen    bigint      not null,
    last_sequence bigint      not null,
    primary key (budget_id, subject)
);
