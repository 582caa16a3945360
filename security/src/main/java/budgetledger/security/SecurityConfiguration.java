package budgetledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.Customizer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. The API ({@code /api/**}) takes HTTP Basic on every request and keeps no session; every other
 * path (the web console) signs in through a login form with CSRF protection; the API description (springdoc)
 * takes either. Only the health check, the login page and static files are open to anonymous callers. A path
 * without a rule here is refused to everyone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the command-line jobs (verify, rebuild) run without a web server
public class SecurityConfiguration {

    private static final String FINANCE = Role.FINANCE.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String ADMIN = Role.ADMIN.name();

    /**
     * Request patterns matched as path patterns, without asking Spring MVC's handler mappings on every request (the
     * default when MVC is present, a tenth of an API call's CPU).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No Spring MVC handler lookup inside the security filters: with an {@code mvcHandlerMappingIntrospector} bean,
     * Spring Security wraps its filter chain in a filter that finds the Spring MVC handler of every request (for MVC
     * request matchers and CORS from MVC, neither used here: matchers are path patterns, above), and the
     * DispatcherServlet then finds it again. Issue 18: in a profile of HTTP adjustments the introspector's lookup had
     * 7 % of the request threads' samples (every API pattern matched against the request), the DispatcherServlet's
     * about as many. Spring Framework 6.2 deprecates the introspector; removing its definition
     * before Spring Security's post-processor looks for it (Ordered runs before unordered) leaves the chain unwrapped.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor withoutHandlerMappingIntrospector() {
        return new WithoutHandlerMappingIntrospector();
    }

    private static final class WithoutHandlerMappingIntrospector implements BeanDefinitionRegistryPostProcessor, Ordered {
        private static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (registry.containsBeanDefinition(INTROSPECTOR)) {
                registry.removeBeanDefinition(INTROSPECTOR);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Passwords checked against the {@code app_user} row as Spring Boot would (BCrypt, successful checks remembered),
     * with the account itself kept for a moment ({@link AccountCache}).
     */
    @Bean
    DaoAuthenticationProvider accounts(UserAccounts users, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(passwords);
        provider.setUserDetailsService(users);
        provider.setUserCache(users.signedIn());
        return provider;
    }

    /**
     * What a sign-in's outcome tells: a failure is published as Spring Security's event, as by default (the throttle
     * counts it, {@link SignInThrottle#signInFailed}); a success, which every API call is, goes to the throttle alone,
     * which clears the user's count. Published as an application event it was looked up against every listener of
     * the context on every call (issue 18), and nothing else listens to it.
     */
    @Bean
    AuthenticationEventPublisher signInOutcomes(ApplicationEventPublisher events, SignInThrottle throttle) {
        DefaultAuthenticationEventPublisher failures = new DefaultAuthenticationEventPublisher(events);
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                throttle.signedIn(authentication.getName());
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
                failures.publishAuthenticationFailure(exception, authentication);
            }
        };
    }

    /** Spring Security's filters unwrapped: no observation per filter and request (nothing reads them). */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The health check: open to anyone for its status (a load balancer), with its details (components, what the
     * projections have parked) only for a signed-in user: HTTP Basic here, without a session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http, Refusals refusals, SignInThrottle throttle, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .addFilterBefore(throttle.filter(json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules.requestMatchers(HttpMethod.GET, "/actuator/health",
                        "/actuator/health/**").permitAll().anyRequest().denyAll());
        return statelessBasic(http, refusals);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Refusals refusals, SignInThrottle throttle, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(throttle.filter(json), BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteRequests(json), BasicAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/api/budgets", "/api/budgets/*/lines",
                                "/api/budgets/*/adjustments", "/api/budgets/*/transfers", "/api/budgets/*/reversals",
                                "/api/budgets/*/prior-year-figures", "/api/budgets/*/change-reasons",
                                "/api/budgets/*/current-year-figures", "/api/budgets/*/line-imports").hasRole(FINANCE)
                        .requestMatchers(HttpMethod.GET, "/api/budgets/*/history", "/api/budgets/*/lines/*/history",
                                "/api/budgets/*/diff").hasAnyRole(FINANCE, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/budgets", "/api/budgets/**")
                        .hasAnyRole(FINANCE, AUDITOR, ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/read-models/positions/*")
                        .hasAnyRole(FINANCE, AUDITOR, ANALYST)
                        .requestMatchers(HttpMethod.POST, "/api/disclosures").hasRole(FINANCE)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .anyRequest().denyAll());
        return statelessBasic(http, refusals);
    }

    /**
     * HTTP Basic on every call, no session: refusals answer as JSON. No cookie and no session authenticate such a
     * call, so a forged cross-site request carries no credentials: CSRF tokens would protect nothing here. Nor is
     * there a session to log out of or a request to save for after a sign-in page: the logout and request-cache
     * filters would only run on every call (issue 18).
     */
    private static SecurityFilterChain statelessBasic(HttpSecurity http, Refusals refusals) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The API's description ({@code /v3/api-docs}) and its browser ({@code /swagger-ui.html}): open to every
     * signed-in user, whatever the role, and to no anonymous caller. It reveals no data, but it maps every endpoint
     * and parameter, and the rule of this application is that only the health check answers strangers. Scripts
     * sign in with HTTP Basic; a browser is sent to the login form and then reads the page with its session.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, SignInThrottle throttle, ObjectMapper json) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .addFilterBefore(throttle.filter(json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                .headers(SecurityConfiguration::headers)
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()));
        return http.build();
    }

    /**
     * The web console: a login form, a session and CSRF tokens on every form. Each page path has the roles of the
     * API endpoints it shows, each form the role of the command it sends; any other path is refused.
     */
    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, SignInThrottle throttle, ObjectMapper json, UserAccounts users)
            throws Exception {
        http.addFilterBefore(throttle.filter(json), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionEpochCheck(users), UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers)
                // No session for anonymous visitors: the login form's CSRF token and the page to return to after
                // signing in are kept in cookies; a session begins with a successful sign-in.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .authorizeHttpRequests(rules -> rules
                        // The error page renders whatever went wrong on a request already checked.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/budgets/*/changes", "/budgets/*/reversals/*",
                                "/disclosures/new").hasRole(FINANCE)
                        .requestMatchers(HttpMethod.POST, "/budgets/*/adjustments", "/budgets/*/transfers",
                                "/budgets/*/reversals", "/disclosures").hasRole(FINANCE)
                        .requestMatchers(HttpMethod.GET, "/budgets/*/history", "/budgets/*/history/**")
                        .hasAnyRole(FINANCE, AUDITOR)
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/audit/verify", "/audit/checkpoint").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/budgets/**").hasAnyRole(FINANCE, AUDITOR, ANALYST)
                        // The start page: the budgets for those who read them, a word for the others (admin).
                        .requestMatchers(HttpMethod.GET, "/").authenticated()
                        // Every signed-in user changes their own password (admins included).
                        .requestMatchers("/account/password").authenticated()
                        .anyRequest().denyAll())
                // After signing in, back to the page asked for (a shared link to a table), else to the budgets.
                .formLogin(form -> form.loginPage("/login").successHandler(SessionEpochCheck.rememberingEpoch(users)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * Content-Security-Policy: scripts, styles, images and forms from this host only, never in a frame (the console
     * loads nothing from elsewhere); inline styles stay allowed for ECharts' tooltips. Referrer-Policy: addresses
     * (budget ids, filters) do not leave for other sites.
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        return repository;
    }
}
