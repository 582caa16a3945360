package budgetledger.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BCrypt, with its successful checks remembered for a few minutes. HTTP Basic sends the password with every
 * request, and a BCrypt check costs tens of milliseconds of CPU: without this, signing in would bound the API to
 * a few dozen requests a second. Only successes are remembered (a wrong guess always pays the full cost), keyed by
 * an HMAC of the password under a key that lives in this process only, and by the stored hash, so that a new
 * password makes the old entry useless at once. Disabled users are refused anyway: their account is checked on every
 * request (read from {@code app_user}, or from {@link AccountCache} within a second of that).
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    static final int MAX_ENTRIES = 1_000;
    static final long REMEMBER_MILLIS = 5 * 60 * 1000;

    private final PasswordEncoder delegate;
    private final byte[] key = new byte[32];
    private final Map<String, Long> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** One keyed Mac per request thread: looking one up and keying it took 1.6% of a request's CPU (issue 18). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    RememberedPasswordChecks(PasswordEncoder delegate) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = hmac(rawPassword) + ":" + encodedPassword;
        long now = System.currentTimeMillis();
        synchronized (remembered) {
            Long until = remembered.get(entry);
            if (until != null && until > now) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (remembered) {
                remembered.put(entry, now + REMEMBER_MILLIS);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String hmac(CharSequence rawPassword) {
        // doFinal resets the Mac for its next use, keyed as before.
        byte[] password = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(macs.get().doFinal(password));
    }
}
