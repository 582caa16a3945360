-- Issue 18: fewer index entries per acknowledged change. A seal and a link are found by their event's global index
-- (each table's primary key or unique key on it); their unique keys on the event identifier only repeated what
-- domain_event_entry's own unique key on it guarantees, and cost an index entry per event in each table.
alter table event_seal drop constraint if exists event_seal_event_identifier_key;
alter table event_chain drop constraint if exists event_chain_event_identifier_key;
