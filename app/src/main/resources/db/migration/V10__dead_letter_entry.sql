-- Axon's JDBC sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, processing group ledger-core): an event a
-- projection could not apply, parked with the cause, and every later event of the same budget behind it, until
-- an auditor retries them (POST /api/audit/dead-letters/retry). Axon's default layout, with bytea for its BLOBs.
create table dead_letter_entry (
    deadLetterIdentifier varchar(255)  not null primary key,
    processingGroup      varchar(255)  not null,
    sequenceIdentifier   varchar(255)  not null,
    sequenceIndex        bigint        not null,
    messageType          varchar(255)  not null,
    eventIdentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadType          varchar(255)  not null,
    payloadRevision      varchar(255),
    payload              bytea         not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255)  not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_sequence_index unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
create index dead_letter_processing_group on dead_letter_entry (processingGroup);
create index dead_letter_sequence on dead_letter_entry (processingGroup, sequenceIdentifier);
