package budgetledger.command;

import budgetledger.command.api.CommandReceipt;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.nio.ByteBuffer;
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
 * stages the false-positive rate stays below {@link #stageFalsePositiveRate()} per stage (about 3e-7) whatever the
 * count, at four to eight bytes per id.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CommandWindow {

    /** How many receipts the window keeps. */
    static final int SIZE = 256;
    /** The size of the filter's first stage, a power of two; each further stage is twice the one before. */
    static final int FIRST_STAGE_BYTES = 2048;
    /**
     * Bits of a stage per id it takes. Sixteen (a rate of 0.06 % per stage) was not enough: a false positive reads the
     * budget's whole stream, so what a new command costs on average is the rate times the stream's length, and on a
     * budget of 58,000 events that made a fifth of the request threads' time (issue 18, a profile of the API). At 32
     * the rate is about 3e-7 per stage: about a tenth of an event per command at that size.
     */
    static final int BITS_PER_ID = 32;
    /**
     * Bits set per command id: sixteen, as many as a SHA-512 gives; the optimum for 32 bits per id (32 ln 2 = 22)
     * would lower the rate from 3.4e-7 to 2.1e-7 only.
     */
    private static final int HASHES = 16;

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
        int[] hash = hash(commandId);
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(hash, i, last);
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
        int[] hash = hash(commandId);
        for (byte[] stage : stages) {
            if (holds(stage, hash)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(byte[] stage, int[] hash) {
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(hash, i, stage);
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

    /**
     * An id's hashes, one from each four bytes of its SHA-512, so that they are the same in every JVM that reads a
     * snapshot. Independent hashes: double hashing (h1 + i h2) from fewer bytes let 26 times the designed rate through.
     */
    private static int[] hash(String commandId) {
        byte[] sha;
        try {
            sha = MessageDigest.getInstance("SHA-512").digest(commandId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
        int[] hashes = new int[HASHES];
        ByteBuffer bytes = ByteBuffer.wrap(sha);
        for (int i = 0; i < HASHES; i++) {
            hashes[i] = bytes.getInt();
        }
        return hashes;
    }

    /** The i-th bit of an id in a stage (a power of two in bits). */
    private static int bit(int[] hash, int i, byte[] stage) {
        return hash[i] & (stage.length * 8 - 1);
    }
}
