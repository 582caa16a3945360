package budgetledger.app.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests are checked by the application itself: bodies by {@code StrictJson} and {@code Fields} (each refusal
 * names its field), path and query parameters by {@code ParameterChecks}. No controller uses Bean Validation
 * ({@code @Valid}, constraint annotations); Hibernate Validator is on the classpath only through springdoc. With it
 * there, Spring MVC builds a method validator and, on every request, asks it for the handler's validation groups: an
 * annotation scan of the controller's class and method, 2.5 % of the request threads' samples in a profile of HTTP
 * adjustments (issue 18), for groups no handler has. Spring MVC is given a validator that takes no class instead, so
 * it builds no method validator and binds no validator to a request's objects.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestValidation implements WebMvcConfigurer {

    static final Validator NO_BEAN_VALIDATION = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            throw new IllegalStateException("Spring MVC validates nothing here: " + target.getClass().getName()
                    + " is checked by the application (RequestValidation)");
        }
    };

    @Override
    public Validator getValidator() {
        return NO_BEAN_VALIDATION;
    }
}
