-- Read models of the ledger core, written by the projections (processing group ledger-core).
create table budget (
    budget_id       varchar(64)  primary key,
    department_code varchar(20)  not null,
    department_name varchar(200) not null,
    fiscal_year     integer      not null
);

create table budget_unit (
    budget_id varchar(64)  not null references budget (budget_id),
    unit_code varchar(50)  not null,
    unit_name varchar(200) not null,
    unit_type varchar(32)  not null,
    position  integer      not null,
    primary key (budget_id, unit_code)
);

create table budget_line (
    budget_id          varchar(64)  not null,
    line_id            varchar(20)  not null,
    unit_code          varchar(50)  not null,
    functional_code    varchar(7)   not null,
    kind               varchar(32)  not null,
    dept_economic_code varchar(5),
    gov_economic_code  varchar(5),
    funding_source     varchar(32)  not null,
    origin             varchar(32)  not null,
    project            varchar(200),
    appropriated_fen   bigint       not null,
    amount_fen         bigint       not null check (amount_fen >= 0),
    last_sequence      bigint       not null,
    primary key (budget_id, line_id)
);

create table prior_year_figure (
    budget_id     varchar(64) not null,
    subject       varchar(64) not null,
    amount_fen    bigint      not null,
    last_sequence bigint      not null,
    primary key (budget_id, subject)
);

create table change_reason (
    budget_id     varchar(64)   not null,
    subject       varchar(64)   not null,
    reason        varchar(2000) not null,
    last_sequence bigint        not null,
    primary key (budget_id, subject)
);
