package budgetledger.processing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A checksum over every read-model table, row by row in key order: equal checksums, equal read models. */
@Component
public class ReadModelChecksum {

    /** The read models and the columns that order their rows. */
    private static final List<String[]> TABLES = List.of(
            new String[]{"budget", "budget_id"},
            new String[]{"budget_unit", "budget_id, unit_code"},
            new String[]{"budget_line", "budget_id, line_id"},
            new String[]{"prior_year_figure", "budget_id, subject"},
            new String[]{"change_reason", "budget_id, subject"},
            new String[]{"current_year_figure", "budget_id, subject"},
            new String[]{"procurement_item", "budget_id, position"},
            new String[]{"published_table", "budget_id, table_number"},
            new String[]{"budget_progress", "budget_id"});

    private final JdbcTemplate jdbc;

    public ReadModelChecksum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String[] table : TABLES) {
                sha.update(table[0].getBytes(StandardCharsets.UTF_8));
                jdbc.query("select t::text from " + table[0] + " t order by " + table[1],
                        rs -> { sha.update(rs.getString(1).getBytes(StandardCharsets.UTF_8)); sha.update((byte) '\n'); });
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
