package budgetledger.security;

import budgetledger.model.text.LogValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Every refused API request (401 without valid credentials, 403 without the role, 400 for a request line the
 * firewall will not pass: encoded ; / \ %, control characters) answered as a problem detail like the rest of the
 * API, and logged with who and what; every failed login logged with the name tried. The log never holds a
 * password or the Authorization header.
 */
@Component
public class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final ObjectMapper json;

    public Refusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                && Problems.databaseUnavailable(e)) {
            // The password could not be checked at all: the database is gone. Not a refusal of the caller.
            log.warn("503: cannot check the password of a caller from {}, the database is unavailable",
                    request.getRemoteAddr());
            response.setHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
            Problems.write(request, response, json, Problems.databaseUnavailable());
            return;
        }
        log.warn("Refused 401: anonymous from {}: {} {}", request.getRemoteAddr(), clean(request.getMethod()),
                clean(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", "Basic realm=\"budget-ledger\"");
        Problems.write(request, response, json, Problems.problem(HttpStatus.UNAUTHORIZED,
                "unauthenticated", null, "需要登录：请用 HTTP Basic 提供用户名和密码"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String name = user == null ? "anonymous" : clean(user.getName());
        log.warn("Refused 403: {} from {}: {} {}", name, request.getRemoteAddr(), clean(request.getMethod()),
                clean(request.getRequestURI()));
        Problems.write(request, response, json, Problems.problem(HttpStatus.FORBIDDEN,
                "forbidden", null, "用户 " + name + " 无权执行此操作"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.warn("Refused 400: request line rejected from {}: {} {}", request.getRemoteAddr(),
                clean(request.getMethod()), clean(request.getRequestURI()));
        Problems.write(request, response, json, Problems.problem(HttpStatus.BAD_REQUEST,
                "rejected-request", null, "请求地址含有不允许的字符"));
    }

    /** Bad password, unknown or disabled user: the name tried and the address, never the password tried. */
    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String from = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        log.warn("Failed login as '{}' from {}: {}", clean(event.getAuthentication().getName()), from,
                event.getException().getClass().getSimpleName());
    }

    /** A value from the request, made safe for one log line (LogValues: control characters escaped, bounded). */
    static String clean(String text) {
        return text == null ? "" : LogValues.of(text, 200);
    }
}
