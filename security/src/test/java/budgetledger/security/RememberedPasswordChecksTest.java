package budgetledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordChecksTest {

    /** BCrypt that counts its checks. */
    static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    @Test
    void a_successful_check_is_remembered_and_a_wrong_password_always_pays_bcrypt() {
        Counting bcrypt = new Counting();
        PasswordEncoder checks = new RememberedPasswordChecks(bcrypt);
        String stored = checks.encode("correct horse battery");
        assertThat(checks.matches("correct horse battery", stored)).isTrue();
        assertThat(checks.matches("correct horse battery", stored)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(1);
        assertThat(checks.matches("wrong horse battery", stored)).isFalse();
        assertThat(checks.matches("wrong horse battery", stored)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void a_new_stored_hash_is_checked_afresh() {
        Counting bcrypt = new Counting();
        PasswordEncoder checks = new RememberedPasswordChecks(bcrypt);
        String old = checks.encode("correct horse battery");
        assertThat(checks.matches("correct horse battery", old)).isTrue();
        String renewed = checks.encode("another long secret");
        assertThat(checks.matches("correct horse battery", renewed)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }
}
