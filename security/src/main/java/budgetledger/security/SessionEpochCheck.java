package budgetledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Ends a console session once its user is disabled or gets a new password: at sign-in the session remembers the
 * user's session epoch ({@code app_user.session_epoch}, raised by both changes), and every later request of the
 * session compares it with the row. A session that no longer matches is invalidated and sent to the login page.
 * (The API keeps no session: each call checks its password, and a disabled user is refused there anyway.)
 */
final class SessionEpochCheck extends OncePerRequestFilter {

    static final String ATTRIBUTE = SessionEpochCheck.class.getName() + ".epoch";

    private final UserAccounts users;

    SessionEpochCheck(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            Optional<Long> epoch = users.sessionEpoch(user.getName());
            if (epoch.isEmpty() || !epoch.get().equals(session.getAttribute(ATTRIBUTE))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** After a successful sign-in through the form: remember the epoch, then on to the page asked for (or "/"). */
    static AuthenticationSuccessHandler rememberingEpoch(UserAccounts users) {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl("/");
        then.setRequestCache(new CookieRequestCache()); // as the web chain keeps it (no session before sign-in)
        return (request, response, authentication) -> {
            users.sessionEpoch(authentication.getName())
                    .ifPresent(epoch -> request.getSession().setAttribute(ATTRIBUTE, epoch));
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
