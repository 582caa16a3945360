package budgetledger.security;

import budgetledger.model.text.LogValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in throttling, for HTTP Basic and the login form alike: after {@code user-free-failures} wrong passwords for
 * one user name, or {@code address-free-failures} from one address, further attempts are refused for a while,
 * without a password check (each costs a BCrypt hash), with 429 and Retry-After as a problem detail. The lock
 * starts at {@code lock-seconds} and doubles with every further failure up to {@code max-lock-seconds}; a
 * successful sign-in clears the user's count, and a count is forgotten after {@code max-lock-seconds} without
 * failure. Counts live in this node's memory (bounded): with several nodes each throttles on its own.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final int MAX_ENTRIES = 100_000;

    record Failures(int count, long lockedUntilMillis, long lastFailureMillis) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int userFreeFailures;
    private final int addressFreeFailures;
    private final long lockMillis;
    private final long maxLockMillis;

    public SignInThrottle(@Value("${budget-ledger.sign-in.user-free-failures:5}") int userFreeFailures,
                          @Value("${budget-ledger.sign-in.address-free-failures:20}") int addressFreeFailures,
                          @Value("${budget-ledger.sign-in.lock-seconds:60}") long lockSeconds,
                          @Value("${budget-ledger.sign-in.max-lock-seconds:900}") long maxLockSeconds) {
        this.userFreeFailures = userFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.lockMillis = lockSeconds * 1000;
        this.maxLockMillis = maxLockSeconds * 1000;
    }

    /** Seconds until this user name from this address may try again; 0 when it may now. */
    public long retryAfterSeconds(String userName, String address) {
        long now = System.currentTimeMillis();
        long until = Math.max(lockedUntil("user:" + userName, now), lockedUntil("address:" + address, now));
        return until <= now ? 0 : (until - now + 999) / 1000;
    }

    private long lockedUntil(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.lockedUntilMillis();
    }

    void failed(String userName, String address) {
        long now = System.currentTimeMillis();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> f.lastFailureMillis() + maxLockMillis < now);
            if (failures.size() >= MAX_ENTRIES) {
                // A flood of names: forget the names, keep the addresses (the lock that matters then).
                failures.keySet().removeIf(key -> key.startsWith("user:"));
            }
        }
        count("user:" + userName, userFreeFailures, now);
        count("address:" + address, addressFreeFailures, now);
    }

    private void count(String key, int free, long now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.lastFailureMillis() + maxLockMillis < now ? 1 : f.count() + 1;
            long lockedUntil = f == null ? 0 : f.lockedUntilMillis();
            if (count >= free) {
                long lock = lockMillis << Math.min(20, count - free);
                lockedUntil = now + Math.min(maxLockMillis, lock);
            }
            return new Failures(count, lockedUntil, now);
        });
    }

    @EventListener
    public void signInFailed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        failed(String.valueOf(event.getAuthentication().getName()), address);
    }

    /**
     * A successful sign-in clears the user's count. Called by the sign-in itself ({@code SecurityConfiguration}'s
     * AuthenticationEventPublisher), not as a listener of Spring's success event: every API call signs in, and
     * broadcasting that event was 1.4 % of the request threads' samples in a profile of HTTP adjustments (issue 18).
     */
    public void signedIn(String userName) {
        failures.remove("user:" + userName);
    }

    /** The filter before each sign-in (Basic header, login form): refuses a locked name or address at once. */
    OncePerRequestFilter filter(ObjectMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String userName = attemptedUserName(request);
                long retryAfter = userName == null ? 0 : retryAfterSeconds(userName, request.getRemoteAddr());
                if (retryAfter > 0) {
                    log.warn("Refused 429: sign-in as '{}' from {} locked for {} s", LogValues.of(userName),
                            request.getRemoteAddr(), retryAfter);
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    response.setHeader("Retry-After", Long.toString(retryAfter));
                    Problems.write(request, response, json, Problems.problem(HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-sign-ins", "username", "登录失败次数过多，请 " + retryAfter + " 秒后再试"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The user name a request tries to sign in with: from an HTTP Basic header or a post of the login form. */
    static String attemptedUserName(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null; // not Base64: Spring's Basic filter refuses it
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }
}
