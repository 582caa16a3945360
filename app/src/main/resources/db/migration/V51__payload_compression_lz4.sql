-- Large values are compressed with lz4 rather than PostgreSQL's default pglz. An import appends a file's lines as one
-- event of about 260 KB of JSON, and pglz compressed each such payload on insert in 1.6–1.8 ms on this machine, lz4
-- in 0.17 ms (psql, 400 inserts of a 1,000-line payload; 27.5 KB stored against 33.9 KB). lz4 reads back faster as
-- well. Values already stored keep their compression; new ones get lz4.
-- lz4 needs a server built with it (PostgreSQL 14 or later). The embedded PostgreSQL of the default run is built
-- without it; there the columns keep the default, and the migration says so. The statements are run with EXECUTE so
-- that a server which does not know the clause at all (PostgreSQL 13) fails them here, inside the handler, rather than
-- when the block is compiled.
do $$
begin
    execute 'alter table domain_event_entry alter column payload set compression lz4';
    execute 'alter table snapshot_event_entry alter column payload set compression lz4';
    execute 'alter table dead_letter_entry alter column payload set compression lz4';
    execute 'alter table published_table alter column content set compression lz4';
exception
    when feature_not_supported or syntax_error then
        raise notice 'lz4 compression is not available on this server (%): large values keep the default', sqlerrm;
end
$$;
