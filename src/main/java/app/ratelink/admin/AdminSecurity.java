package app.ratelink.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Admin pages: their own login ({@code /admin/login}) against admin accounts only. */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain adminChain(HttpSecurity http, AdminAccounts admins, PasswordEncoder encoder) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(admins);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher("/admin", "/admin/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/login").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .formLogin(f -> f.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/admin", false).failureUrl("/admin/login?error").permitAll())
                .logout(l -> l.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"));
        return http.build();
    }
}
