-- The chain is linked off the command's critical path: an append writes, in its own transaction, a seal per event
-- (the hash of its stored columns alone), and one linker at a time (advisory lock) folds sealed events into
-- event_chain in global-index order and deletes their seals. A row without link and without seal was not written
-- by the application; a pending row whose content no longer matches its seal was changed after it was written.
create table event_seal (
    global_index     bigint       primary key,
    event_identifier varchar(255) not null unique,
    hash             bytea        not null
);
