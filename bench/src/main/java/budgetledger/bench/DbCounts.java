package budgetledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database did, from its statistics: rows inserted, updated and deleted per table (pg_stat_user_tables),
 * index entries written (an insert, or an update that is not HOT, writes one entry in each of the table's indexes),
 * and write transactions (transaction ids assigned on the server: a read-only transaction takes none). Statistics
 * reach pg_stat_user_tables up to PGSTAT_IDLE_INTERVAL (10 s) after an idle backend wrote them, so a snapshot waits
 * for them first; the transaction counter is the whole server's, so other work on the same server adds to it.
 * Transactions of every kind (read-only ones included: a statement outside a transaction is one) are the
 * database's, from pg_stat_database; the snapshot's own statements add a few.
 */
record DbCounts(Map<String, long[]> tables, long nextXid, long transactions) {

    static final long SETTLE_MILLIS = 11_000;

    static DbCounts take(String dbUrl) throws SQLException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        Map<String, long[]> tables = new HashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, "
                    + "(select count(*) from pg_index i where i.indrelid = t.relid) from pg_stat_user_tables t")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)});
                }
            }
            long transactions;
            try (ResultSet rs = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database "
                    + "where datname = current_database()")) {
                rs.next();
                transactions = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                rs.next();
                return new DbCounts(tables, rs.getLong(1), transactions);
            }
        }
    }

    /** Per change since {@code before}: rows, index entries, write commits, and the rows by table. */
    String since(DbCounts before, long changes) {
        return since(before, changes, "changes");
    }

    /** The same per one of {@code count} units (changes, or thousands of events). */
    String since(DbCounts before, long changes, String unit) {
        long rows = 0;
        long entries = 0;
        Map<String, Long> byTable = new TreeMap<>();
        for (Map.Entry<String, long[]> e : tables.entrySet()) {
            long[] now = e.getValue();
            long[] then = before.tables.getOrDefault(e.getKey(), new long[5]);
            long ins = now[0] - then[0];
            long upd = now[1] - then[1];
            long hot = now[2] - then[2];
            long del = now[3] - then[3];
            long tableRows = ins + upd + del;
            if (tableRows > 0) {
                byTable.put(e.getKey(), tableRows);
            }
            rows += tableRows;
            entries += (ins + upd - hot) * now[4];
        }
        long commits = nextXid - before.nextXid;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "rows=%.2f index-entries=%.2f write-commits=%.3f transactions=%.3f (%d %s; rows by table:",
                rows / (double) changes, entries / (double) changes, commits / (double) changes,
                (transactions - before.transactions) / (double) changes, changes, unit));
        byTable.forEach((table, n) -> out.append(String.format(Locale.ROOT, " %s %.2f", table, n / (double) changes)));
        return out.append(')').toString();
    }
}
