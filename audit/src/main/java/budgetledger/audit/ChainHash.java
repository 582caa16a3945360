package budgetledger.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of one link of the event chain: SHA-256 over the previous link's hash and every stored column of the
 * event (identifier, aggregate id, sequence, type, time, payload type and revision, payload and metadata bytes),
 * each length-prefixed so that no two different events can run together into the same input.
 */
final class ChainHash {

    static final byte[] GENESIS = new byte[0];

    private ChainHash() {
    }

    /** The seal of an event: its hash over an empty predecessor (EventChain writes it in SQL at append). */
    static boolean matchesSeal(byte[] seal, StoredEvent event) {
        return java.util.Arrays.equals(seal, of(GENESIS, event));
    }

    static byte[] of(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        field(sha, previous);
        field(sha, text(event.eventIdentifier()));
        field(sha, text(event.aggregateIdentifier()));
        field(sha, text(Long.toString(event.sequenceNumber())));
        field(sha, text(event.type()));
        field(sha, text(event.timeStamp()));
        field(sha, text(event.payloadType()));
        field(sha, text(event.payloadRevision()));
        field(sha, event.payload());
        field(sha, event.metaData());
        return sha.digest();
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha.update(bytes);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
