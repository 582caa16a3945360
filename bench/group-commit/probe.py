#!/usr/bin/env python3
"""
Issue 18, path 1: what would a group commit (several acknowledged changes in one transaction) save in PostgreSQL?

Runs the statements of an acknowledged adjustment, as the ledger sends them (EventChain.appendSealed: the event's
INSERT with its seal in one statement; BudgetProgress.CLAIM_SQL with BudgetLineProjection's UPDATE_AMOUNTS in a
second; then COMMIT), with pgbench against a scratch database on the same server, and prints changes/s and
PostgreSQL's CPU per change for:
  - g1: one change per transaction on 8 connections (the ledger today);
  - g4: four changes per transaction (four budgets in each statement) on 2 connections, 8 changes in flight;
  - g8: eight changes per transaction on 1 connection (one writer committing what 8 threads queued);
  - peer: the bare-Axon peer's one INSERT per transaction on 8 connections.
PostgreSQL's CPU is the machine's busy time less pgbench's own (so run it on a quiet machine); the linker, the
processor and the snapshotter are not run here: it measures the command path only.

Usage: python3 bench/group-commit/probe.py [--seconds 20] [--rounds 3] [--host 127.0.0.1] [--user postgres]
Needs pgbench and psql (PostgreSQL's client tools) and /proc; drops its database at the end.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

DB = "budget_ledger_group_commit_probe"
BUDGETS = 100
LINES = 50

SCHEMA = f"""
create table domain_event_entry (global_index bigserial primary key, event_identifier varchar(255) not null unique,
  aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255),
  time_stamp varchar(255) not null, payload_type varchar(255) not null, payload_revision varchar(255),
  payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number));
create table peer_event_entry (like domain_event_entry including all);
create table event_seal (global_index bigint primary key, event_identifier varchar(255) not null, hash bytea not null);
create table budget_progress (budget_id varchar(255) primary key, applied_sequence bigint not null);
create table budget_line (budget_id varchar(64) not null, line_id varchar(20) not null, unit_code varchar(50) not null,
  functional_code varchar(7) not null, kind varchar(32) not null, dept_economic_code varchar(5),
  gov_economic_code varchar(5), funding_source varchar(32) not null, origin varchar(32) not null,
  project varchar(200), appropriated_fen bigint not null, amount_fen bigint not null check (amount_fen >= 0),
  last_sequence bigint not null, primary key (budget_id, line_id)) with (fillfactor = 70);
create table dead_letter_entry (processinggroup varchar(255) not null, sequenceidentifier varchar(255) not null);
create index dead_letter_sequence on dead_letter_entry (processinggroup, sequenceidentifier);
create sequence change_sequence;
insert into budget_progress select 'B' || b, 0 from generate_series(0, {BUDGETS - 1}) b;
insert into budget_line select 'B' || b, 'L' || l, 'U1', '2010101', 'BASIC', '30101', '50101', 'GENERAL', 'OPENING',
  null, 100000000, 100000000, 0 from generate_series(0, {BUDGETS - 1}) b, generate_series(1, {LINES}) l;
vacuum analyze;
"""

COLUMNS = ("event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
           "payload_revision, payload, meta_data")


def seal_sql():
    """EventChain's SEALED_APPEND_SEAL: SHA-256 over every stored column, each length-prefixed."""
    def field(b):
        return f"coalesce(int4send(length({b})) || {b}, int4send(-1))"
    fields = "int4send(0)"
    for text in ["e.event_identifier", "e.aggregate_identifier", "e.sequence_number::text", "e.type",
                 "e.time_stamp", "e.payload_type", "e.payload_revision"]:
        fields += " || " + field(f"convert_to({text}, 'UTF8')")
    fields += " || " + field("e.payload") + " || " + field("e.meta_data")
    return ("insert into event_seal (global_index, event_identifier, hash) "
            f"select e.global_index, e.event_identifier, sha256({fields}) from e")


def budget(i):
    return f"'B' || ((:b + {i}) % {BUDGETS})"


def event_row(budget_expr):
    # An adjustment's sizes in the bench: payload about 142 bytes, metadata about 273.
    return (f"(md5(random()::text) || md5(random()::text), {budget_expr}, nextval('change_sequence'), "
            "'DepartmentBudget', '2026-12-03T21:00:00.123Z', 'budgetledger.events.BudgetLineAdjusted', null, "
            "convert_to(repeat('p', 142), 'UTF8'), convert_to(repeat('m', 273), 'UTF8'))")


def ledger_script(group):
    """One transaction of `group` changes, each to another budget, in the ledger's two statements and a COMMIT."""
    budgets = [budget(i) for i in range(group)]
    arr = lambda items, kind: "array[" + ", ".join(items) + f"]::{kind}[]"
    lines = arr(["'L' || :l"] * group, "varchar")
    amounts = arr([":l"] * group, "bigint")
    sequences = arr(["nextval('change_sequence')"] * group, "bigint")
    append = (f"with e as (insert into domain_event_entry ({COLUMNS}) values "
              + ", ".join(event_row(b) for b in budgets) + f" returning *) {seal_sql()};")
    claim_and_amounts = (
        f"with v0 as (select * from unnest({arr(budgets, 'varchar')}) as v0(budget_id)), "
        "claimed as (update budget_progress p set applied_sequence = p.applied_sequence + 1 from v0 "
        "where p.budget_id = v0.budget_id and p.applied_sequence >= 0 and not exists (select 1 from dead_letter_entry "
        "where processinggroup = 'ledger-core' and sequenceidentifier = v0.budget_id) returning p.budget_id, "
        "(select d.global_index from domain_event_entry d where d.aggregate_identifier = p.budget_id "
        "and d.sequence_number = p.applied_sequence) as global_index) "
        "update budget_line b set amount_fen = v.amount_fen, last_sequence = v.last_sequence "
        f"from unnest({arr(budgets, 'varchar')}, {lines}, {amounts}, {sequences}) "
        "as v(budget_id, line_id, amount_fen, last_sequence) where b.budget_id = v.budget_id "
        "and b.line_id = v.line_id and b.last_sequence < v.last_sequence "
        "and b.budget_id in (select budget_id from claimed) "
        "returning (select global_index from claimed c where c.budget_id = b.budget_id);")
    # As the JDBC driver sends them: BEGIN with the first statement, then the second, then COMMIT.
    return (f"\\set b random(0, {BUDGETS - 1})\n\\set l random(1, {LINES})\n\\startpipeline\nBEGIN;\n{append}\n"
            f"\\endpipeline\n{claim_and_amounts}\nCOMMIT;\n")


def peer_script():
    return (f"\\set b random(0, {BUDGETS - 1})\n\\startpipeline\nBEGIN;\n"
            f"insert into peer_event_entry ({COLUMNS}) values {event_row(budget(0))};\n\\endpipeline\nCOMMIT;\n")


def busy_ticks():
    with open("/proc/stat") as f:
        cpu = f.readline().split()
    return sum(int(cpu[i]) for i in (1, 2, 3, 6, 7, 8))  # user nice system irq softirq steal


def run(args, script, clients, changes_per_transaction):
    ticks = os.sysconf("SC_CLK_TCK")
    start = busy_ticks()
    before = os.times()
    out = subprocess.run(["pgbench", "-h", args.host, "-U", args.user, "-n", "-M", "prepared", "-c", str(clients),
                          "-j", str(min(clients, 2)), "-T", str(args.seconds), "--max-tries", "10", "-f", script, DB],
                         capture_output=True, text=True)
    after = os.times()
    busy = busy_ticks() - start
    if out.returncode != 0:
        sys.exit("pgbench failed:\n" + out.stdout + out.stderr)
    done = int(re.search(r"number of transactions actually processed: (\d+)", out.stdout).group(1))
    changes = done * changes_per_transaction
    pgbench_ms = ((after.children_user - before.children_user) + (after.children_system - before.children_system)) * 1000
    postgres_ms = busy * 1000 / ticks - pgbench_ms
    return changes / args.seconds, postgres_ms / changes


def psql(args, sql, database="postgres"):
    # From standard input, one statement at a time (VACUUM cannot run in the one transaction of -c).
    out = subprocess.run(["psql", "-h", args.host, "-U", args.user, "-q", "-v", "ON_ERROR_STOP=1", "-d", database],
                         input=sql, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("psql failed: " + out.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--user", default="postgres")
    args = parser.parse_args()
    psql(args, f"drop database if exists {DB}")
    psql(args, f"create database {DB}")
    try:
        psql(args, SCHEMA, DB)
        with tempfile.TemporaryDirectory() as folder:
            cases = []
            for name, text, clients, group in [("g1 (today), 8 connections", ledger_script(1), 8, 1),
                                               ("g4, 2 connections", ledger_script(4), 2, 4),
                                               ("g8, 1 connection", ledger_script(8), 1, 8),
                                               ("peer, 8 connections", peer_script(), 8, 1)]:
                path = os.path.join(folder, f"case{len(cases)}.sql")
                with open(path, "w") as f:
                    f.write(text)
                cases.append((name, path, clients, group))
            results = {name: [] for name, *_ in cases}
            for r in range(args.rounds):  # alternating, so that a slower moment of the machine hits every case
                for name, path, clients, group in cases:
                    rate, cpu = run(args, path, clients, group)
                    results[name].append((rate, cpu))
                    print(f"round {r + 1} {name:28s} {rate:7.0f} changes/s  PostgreSQL CPU per change {cpu:.3f} ms",
                          flush=True)
            print("medians:")
            for name, values in results.items():
                rates = sorted(v[0] for v in values)
                cpus = sorted(v[1] for v in values)
                print(f"  {name:28s} {rates[len(rates) // 2]:7.0f} changes/s  PostgreSQL CPU per change "
                      f"{cpus[len(cpus) // 2]:.3f} ms")
    finally:
        psql(args, f"drop database if exists {DB}")


if __name__ == "__main__":
    main()
