-- The people who may use the ledger: one role each, passwords as BCrypt hashes only. A user is disabled, never
-- deleted, so that the actor named on past events stays a known name.
create table app_user (
    user_name     varchar(32)  primary key,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('FINANCE', 'AUDITOR', 'ANALYST', 'ADMIN')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
