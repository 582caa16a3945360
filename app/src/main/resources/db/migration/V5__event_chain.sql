-- Tamper evidence: a hash chain over the event store in append order, written by the application in the same
-- transaction as the events it covers (a row written behind the application's back has no link).
create table event_chain (
    position         bigint       primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    hash             bytea        not null
);

-- Heads of the chain taken now and then, for auditors to copy out and check later.
create table audit_checkpoint (
    position    bigint      primary key,
    hash        bytea       not null,
    taken_at    timestamptz not null
);
