package budgetledger.command;

import budgetledger.command.api.CommandReceipt;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * What a budget remembers of the commands it has run (it lives in every snapshot): the receipts of the last
 * {@value #SIZE} command ids with the fingerprint of each command, and a filter of every command id ever seen. An id
 * the filter has never seen is certainly new; an id it may have seen and the window no longer holds is looked up in
 * the budget's own event stream (BudgetStream), which reads the whole stream.
 *
 * <p>The filter is a scalable Bloom filter (Almeida et al., 2007): a chain of stages, each twice the size of the one
 * before, a new stage begun when the last holds its capacity. A filter of fixed size filled up as a budget grew: at
 * 16,384 bits, 3,300 ids (a few line-item files, whose every line carries a command id) made one new id in ten a
 * false positive, and each of those read the whole stream, so a busy budget's adjustments slowed with its size. With
 * stages the false-positive rate stays below {@link #stageFalsePositiveRate()} per stage (about 0.06 %) whatever the
 * count, at about four bytes per id.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CommandWindow {

    /** How many receipts the window keeps. */
    static final int SIZE = 256;
    /** The size of the filter's first stage; each further stage is twice the one before. */
    static final int FIRST_STAGE_BYTES = 2048;
    /** Bits of a stage per id it takes. */
    static final int BITS_PER_ID = 16;
    /** Bits set per command id: eight, one from each four bytes of its SHA-256. */
    private static final int HASHES = 8;

    /** A receipt and the fingerprint and actor of the command behind it (null when its events carried none). */
    record Kept(CommandReceipt receipt, String fingerprint) {
    }

    /** commandId → what was kept, oldest first. */
    private LinkedHashMap<String, Kept> recent = new LinkedHashMap<>();
    /** The filter's stages, oldest first; Jackson writes each as Base64. */
    private byte[][] stages = {new byte[FIRST_STAGE_BYTES]};
    /** Ids put into the last stage (an id remembered twice counts twice, which only starts a stage early). */
    private int lastStageIds;

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
        byte[] last = stages[stages.length - 1];
        if (lastStageIds >= last.length * 8 / BITS_PER_ID) {
            last = new byte[last.length * 2];
            stages = Arrays.copyOf(stages, stages.length + 1);
            stages[stages.length - 1] = last;
            lastStageIds = 0;
        }
        for (int hash : hashes(commandId)) {
            int bit = Math.floorMod(hash, last.length * 8);
            last[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
        lastStageIds++;
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
        int[] hashes = hashes(commandId);
        for (byte[] stage : stages) {
            if (holds(stage, hashes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(byte[] stage, int[] hashes) {
        for (int hash : hashes) {
            int bit = Math.floorMod(hash, stage.length * 8);
            if ((stage[bit >>> 3] & (1 << (bit & 7))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A full stage's false-positive rate, (1 - e^(-k/b))^k for k hashes and b bits per id. */
    static double stageFalsePositiveRate() {
        return Math.pow(1 - Math.exp(-(double) HASHES / BITS_PER_ID), HASHES);
    }

    /** How many stages the filter has begun. */
    int stageCount() {
        return stages.length;
    }

    /** The filter's size in bytes, all stages. */
    int filterBytes() {
        int bytes = 0;
        for (byte[] stage : stages) {
            bytes += stage.length;
        }
        return bytes;
    }

    int size() {
        return recent.size();
    }

    /** An id's hashes: from its SHA-256, so that they are the same in every JVM that reads a snapshot. */
    private static int[] hashes(String commandId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(commandId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        int[] hashes = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            hashes[i] = ((hash[4 * i] & 0xff) << 24) | ((hash[4 * i + 1] & 0xff) << 16)
                    | ((hash[4 * i + 2] & 0xff) << 8) | (hash[4 * i + 3] & 0xff);
        }
        return hashes;
    }
}
