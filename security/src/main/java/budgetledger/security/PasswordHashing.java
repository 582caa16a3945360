package budgetledger.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt for stored passwords; its own class so that the users CLI can use it without the web security. */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswordChecks(new BCryptPasswordEncoder());
    }
}
