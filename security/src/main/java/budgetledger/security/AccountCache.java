package budgetledger.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The accounts HTTP Basic signed in with, kept for a moment ({@code budget-ledger.sign-in.account-cache-millis},
 * default one second), so that a client sending request after request does not read its {@code app_user} row for each
 * one: in a profile of HTTP adjustments that read was one transaction per request, more than the command's own
 * (issue 18). Spring Security's provider asks here before it reads the row, and reads it again when a cached account
 * refuses the password given, so a new password works at once. A change made through this node ({@link UserAccounts}:
 * a new password, disabling) removes the account here at once; a change made elsewhere (another node, the users
 * command) is seen once the entry has aged out. Each read hands out a copy: Spring erases the password of the account
 * it signed in with, and must not erase the one kept here.
 */
final class AccountCache implements UserCache {

    static final int MAX_ENTRIES = 1_000;

    private record Entry(UserDetails account, long loadedNanos) {
    }

    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    AccountCache(long maxAgeMillis, LongSupplier clock) {
        this.maxAgeNanos = maxAgeMillis * 1_000_000;
        this.clock = clock;
    }

    @Override
    public UserDetails getUserFromCache(String name) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(name);
            if (entry == null) {
                return null;
            }
            if (clock.getAsLong() - entry.loadedNanos() >= maxAgeNanos) {
                entries.remove(name);
                return null;
            }
        }
        return User.withUserDetails(entry.account()).build();
    }

    @Override
    public void putUserInCache(UserDetails account) {
        if (maxAgeNanos <= 0 || account.getPassword() == null) {
            return; // kept for no time at all, or already erased: nothing to check a password against
        }
        Entry entry = new Entry(User.withUserDetails(account).build(), clock.getAsLong());
        synchronized (entries) {
            entries.put(account.getUsername(), entry);
        }
    }

    @Override
    public void removeUserFromCache(String name) {
        synchronized (entries) {
            entries.remove(name);
        }
    }
}
