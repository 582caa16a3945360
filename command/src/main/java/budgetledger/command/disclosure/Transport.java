package budgetledger.command.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads supplies (e.g. projects) over demands (e.g. functional 项) with equal totals, deterministically:
 * first each supply to the demands it prefers, as far as they take it; then a supply that equals a demand
 * exactly goes there whole, then groups of supplies whose sum equals a demand exactly, then the rest in order,
 * north-west corner (a supply may be split over several demands).
 */
final class Transport {

    record Allocation(int supply, int demand, long amount) {
    }

    private Transport() {
    }

    /**
     * @param groups group index of each supply (e.g. the unit of a project); supplies of one group whose sum
     *               equals a remaining demand go there together. Use distinct groups to disable grouping.
     */
    static List<Allocation> allocate(long[] supplies, long[] demands, int[] groups) {
        return allocate(supplies, demands, groups, new int[supplies.length][]);
    }

    /** @param preferred per supply, the demands it should go to first (null or empty for none) */
    static List<Allocation> allocate(long[] supplies, long[] demands, int[] groups, int[][] preferred) {
        long[] supply = supplies.clone();
        long[] demand = demands.clone();
        List<Allocation> allocations = new ArrayList<>();
        for (int s = 0; s < supply.length; s++) {
            for (int d : preferred[s] == null ? new int[0] : preferred[s]) {
                long amount = Math.min(supply[s], demand[d]);
                if (amount > 0) {
                    allocations.add(new Allocation(s, d, amount));
                    supply[s] -= amount;
                    demand[d] -= amount;
                }
            }
        }
        for (int s = 0; s < supply.length; s++) {
            for (int d = 0; d < demand.length && supply[s] > 0; d++) {
                if (demand[d] == supply[s]) {
                    allocations.add(new Allocation(s, d, supply[s]));
                    demand[d] = 0;
                    supply[s] = 0;
                }
            }
        }
        for (int g : distinct(groups)) {
            long sum = 0;
            int members = 0;
            for (int s = 0; s < supply.length; s++) {
                if (groups[s] == g && supply[s] > 0) {
                    sum += supply[s];
                    members++;
                }
            }
            if (members < 2) {
                continue;
            }
            for (int d = 0; d < demand.length; d++) {
                if (demand[d] == sum) {
                    for (int s = 0; s < supply.length; s++) {
                        if (groups[s] == g && supply[s] > 0) {
                            allocations.add(new Allocation(s, d, supply[s]));
                            supply[s] = 0;
                        }
                    }
                    demand[d] = 0;
                    break;
                }
            }
        }
        int d = 0;
        for (int s = 0; s < supply.length; s++) {
            while (supply[s] > 0) {
                while (d < demand.length && demand[d] == 0) {
                    d++;
                }
                if (d == demand.length) {
                    throw new IllegalStateException("supplies exceed demands by " + supply[s]);
                }
                long amount = Math.min(supply[s], demand[d]);
                allocations.add(new Allocation(s, d, amount));
                supply[s] -= amount;
                demand[d] -= amount;
            }
        }
        for (long left : demand) {
            if (left != 0) {
                throw new IllegalStateException("demands exceed supplies by " + left);
            }
        }
        allocations.sort(java.util.Comparator.comparingInt(Allocation::supply).thenComparingInt(Allocation::demand));
        return allocations;
    }

    private static int[] distinct(int[] groups) {
        return java.util.Arrays.stream(groups).distinct().toArray();
    }
}
