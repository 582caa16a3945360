package budgetledger.audit;

import org.springframework.jdbc.core.RowMapper;

/** An event as stored in domain_event_entry, column for column. */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                   byte[] metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getLong("global_index"),
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            rs.getString("type"), rs.getString("time_stamp"), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
}
