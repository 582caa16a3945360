package budgetledger.audit;

/**
 * The result of walking the event chain: {@code ok} with the number of events and the head's hash, or the first
 * position (in append order) where something disagrees, its global index, and what is wrong.
 */
public record Verification(boolean ok, long events, long position, String headHash, Long firstBadPosition,
                           Long globalIndex, String problem) {

    static Verification ok(long events, long position, String headHash) {
        return new Verification(true, events, position, headHash, null, null, null);
    }

    static Verification bad(long events, long position, String headHash, long firstBadPosition, Long globalIndex,
                            String problem) {
        return new Verification(false, events, position, headHash, firstBadPosition, globalIndex, problem);
    }
}
