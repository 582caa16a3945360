package budgetledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses a state-changing API call (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another site: a
 * browser caches HTTP Basic credentials and adds them to any request to this host, so a page elsewhere could post
 * a form here with the user's rights. Browsers say where a request comes from: {@code Sec-Fetch-Site} (anything but
 * same-origin or none, i.e. typed by the user, is refused) and {@code Origin} (refused unless it names this host).
 * A call without either header (curl, scripts, other servers) carries no cached credentials and passes.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequests.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final ObjectMapper json;

    CrossSiteRequests(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod()) && crossSite(request)) {
            log.warn("Refused 403: cross-site {} {} from {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                    Refusals.clean(request.getRequestURI()), request.getRemoteAddr(),
                    Refusals.clean(request.getHeader("Origin")), Refusals.clean(request.getHeader("Sec-Fetch-Site")));
            Problems.write(request, response, json, Problems.problem(HttpStatus.FORBIDDEN,
                    "cross-site-request", "Origin", "拒绝来自其他网站的修改请求"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_SITE.contains(fetchSite.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true; // "null" or garbage: not this host
        }
    }
}
