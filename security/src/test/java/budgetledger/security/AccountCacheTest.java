package budgetledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account cache behind Spring Security's provider, on a clock the test moves and an {@code app_user} it edits. */
class AccountCacheTest {

    static final long MAX_AGE_MILLIS = 1000;

    final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final AccountCache cache = new AccountCache(MAX_AGE_MILLIS, nanos::get);
    /** The rows of app_user: name to account. */
    final Map<String, UserDetails> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final ProviderManager signIn;

    AccountCacheTest() {
        UserDetailsService table = name -> {
            reads.incrementAndGet();
            UserDetails row = rows.get(name);
            if (row == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return User.withUserDetails(row).build();
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(bcrypt);
        provider.setUserDetailsService(table);
        provider.setUserCache(cache);
        signIn = new ProviderManager(provider); // erases the credentials of what it signed in, as Spring's does
        rows.put("finance", account("finance", "first-password-1", true));
    }

    UserDetails account(String name, String password, boolean enabled) {
        return User.withUsername(name).password(bcrypt.encode(password)).roles("FINANCE").disabled(!enabled).build();
    }

    void signIn(String name, String password) {
        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    void later(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    void requests_within_the_age_read_the_row_once_and_a_signed_in_copy_never_erases_the_kept_password() {
        for (int i = 0; i < 5; i++) {
            signIn("finance", "first-password-1");
            later(MAX_AGE_MILLIS / 10);
        }
        assertThat(reads.get()).isEqualTo(1);
        later(MAX_AGE_MILLIS / 2); // a whole age since the row was read: it is read again
        signIn("finance", "first-password-1");
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void a_wrong_password_reads_the_row_again_and_is_refused() {
        signIn("finance", "first-password-1");
        assertThatThrownBy(() -> signIn("finance", "wrong-password-1")).isInstanceOf(BadCredentialsException.class);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void a_password_changed_elsewhere_works_at_once_and_the_old_one_until_the_entry_ages_out() {
        signIn("finance", "first-password-1");
        rows.put("finance", account("finance", "second-password-2", true)); // another node changed it
        signIn("finance", "second-password-2"); // the kept account refuses it: the row is read again
        assertThat(reads.get()).isEqualTo(2);
        later(MAX_AGE_MILLIS);
        assertThatThrownBy(() -> signIn("finance", "first-password-1")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_user_disabled_here_is_refused_at_once_and_one_disabled_elsewhere_once_the_entry_ages_out() {
        signIn("finance", "first-password-1");
        rows.put("finance", account("finance", "first-password-1", false));
        signIn("finance", "first-password-1"); // elsewhere: this node still holds the enabled account
        later(MAX_AGE_MILLIS);
        assertThatThrownBy(() -> signIn("finance", "first-password-1")).isInstanceOf(DisabledException.class);

        rows.put("finance", account("finance", "first-password-1", true));
        signIn("finance", "first-password-1");
        rows.put("finance", account("finance", "first-password-1", false));
        cache.removeUserFromCache("finance"); // what UserAccounts does when it disables the user
        assertThatThrownBy(() -> signIn("finance", "first-password-1")).isInstanceOf(DisabledException.class);
    }

    @Test
    void an_age_of_zero_keeps_nothing_and_the_cache_holds_at_most_its_bound() {
        AccountCache none = new AccountCache(0, nanos::get);
        none.putUserInCache(account("finance", "first-password-1", true));
        assertThat(none.getUserFromCache("finance")).isNull();

        for (int i = 0; i <= AccountCache.MAX_ENTRIES; i++) {
            cache.putUserInCache(account("user" + i, "x", true));
        }
        assertThat(cache.getUserFromCache("user0")).as("the eldest, pushed out").isNull();
        assertThat(cache.getUserFromCache("user" + AccountCache.MAX_ENTRIES).getPassword()).startsWith("$2");
    }
}
