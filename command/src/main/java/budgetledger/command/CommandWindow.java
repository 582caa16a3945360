package budgetledger.command;

import budgetledger.command.api.CommandReceipt;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * What a budget remembers of the commands it has run, in bounded space (it lives in every snapshot): the receipts
 * of the last {@value #SIZE} command ids with the fingerprint of each command, and a filter of every command id
 * ever seen ({@value #FILTER_BYTES} bytes, a Bloom filter). An id the filter has never seen is certainly new; an id
 * it may have seen and the window no longer holds is looked up in the budget's own event stream (BudgetStream).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CommandWindow {

    /** How many receipts the window keeps. */
    static final int SIZE = 256;
    /** The size of the filter of all command ids. */
    static final int FILTER_BYTES = 2048;
    private static final int FILTER_BITS = FILTER_BYTES * 8;
    /** Bits set per command id. */
    private static final int HASHES = 4;

    /** A receipt and the fingerprint and actor of the command behind it (null when its events carried none). */
    record Kept(CommandReceipt receipt, String fingerprint) {
    }

    /** commandId → what was kept, oldest first. */
    private LinkedHashMap<String, Kept> recent = new LinkedHashMap<>();
    private long[] seen = new long[FILTER_BITS / Long.SIZE];

    CommandWindow() {
        // Empty for a new budget; Jackson fills it from a snapshot.
    }

    /** Keeps a receipt as the newest; the oldest beyond {@value #SIZE} leaves the window but stays in the filter. */
    void remember(CommandReceipt receipt, String fingerprint) {
        String commandId = receipt.commandId();
        Kept earlier = recent.remove(commandId);
        String kept = fingerprint != null ? fingerprint : earlier == null ? null : earlier.fingerprint();
        recent.put(commandId, new Kept(receipt, kept));
        Iterator<String> oldest = recent.keySet().iterator();
        while (recent.size() > SIZE) {
            oldest.next();
            oldest.remove();
        }
        for (int bit : bits(commandId)) {
            seen[bit / Long.SIZE] |= 1L << (bit % Long.SIZE);
        }
    }

    /** The receipt kept for a command id still in the window. */
    Optional<Kept> recent(String commandId) {
        return Optional.ofNullable(recent.get(commandId));
    }

    /** False when the id was certainly never seen; true when it may have been (the filter has false positives). */
    boolean mayHaveSeen(String commandId) {
        if (recent.containsKey(commandId)) {
            return true;
        }
        for (int bit : bits(commandId)) {
            if ((seen[bit / Long.SIZE] & (1L << (bit % Long.SIZE))) == 0) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return recent.size();
    }

    /** The filter's bits for an id: from its SHA-256, so that they are the same in every JVM that reads a snapshot. */
    private static int[] bits(String commandId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(commandId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        int[] bits = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            int value = ((hash[4 * i] & 0xff) << 24) | ((hash[4 * i + 1] & 0xff) << 16)
                    | ((hash[4 * i + 2] & 0xff) << 8) | (hash[4 * i + 3] & 0xff);
            bits[i] = Math.floorMod(value, FILTER_BITS);
        }
        return bits;
    }
}
