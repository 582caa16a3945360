package budgetledger.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.io.IOException;

/**
 * The console's links to static files and webjars ({@code @{/webjars/echarts/…}} in a page) are written by Spring's
 * {@link ResourceUrlEncodingFilter}, which Spring Boot puts before every request once a resource chain is on (here
 * because of the webjars locator). An API call renders no page and writes no such link, yet the filter wrapped its
 * request and response and resolved its lookup path every time: about 1 % of the request threads' samples in a
 * profile of HTTP adjustments (issue 18), and one more wrapper for every attribute read after it. This
 * registration takes the place of Spring Boot's (the same filter, the same dispatcher types) and passes API calls by.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleResourceUrls {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> consoleResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter for every request but the API's ({@code /api/…}). */
    static final class PagesOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http
                    && http.getRequestURI().startsWith(http.getContextPath() + "/api/")) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilter(request, response, chain);
        }
    }
}
