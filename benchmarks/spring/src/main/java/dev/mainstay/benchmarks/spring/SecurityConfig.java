package dev.mainstay.benchmarks.spring;

import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security as a resource server: {@code /auth/**} needs a bearer token; the other routes of
 * the harness and the actuator's health and Prometheus endpoints are open; anything else is denied.
 *
 * <p>Tokens are the ones Mainstay's {@code AccessTokens} issues in the harness: HS256 with the same
 * base64 secret, {@code typ} {@code at+jwt}, and the same issuer and audience, so one token works on
 * both servers. Stateless, no CSRF (no cookies), Spring Security's default response headers.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/auth/**")
                        .authenticated()
                        .requestMatchers("/json", "/items/*", "/actuator/health/**", "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Verifies the signature with the shared HS256 key, then expiry, issuer, audience and type. */
    @Bean
    JwtDecoder jwtDecoder(
            @Value("${bench.jwt.secret}") String secret,
            @Value("${bench.jwt.issuer}") String issuer,
            @Value("${bench.jwt.audience}") String audience) {
        SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(secret.strip()), "HmacSHA256");
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtTypeValidator("at+jwt")));
        return decoder;
    }
}
