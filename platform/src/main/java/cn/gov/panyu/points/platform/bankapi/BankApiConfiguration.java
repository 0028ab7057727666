package cn.gov.panyu.points.platform.bankapi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The bank API's settings, bound in every kind of application context: the keys and their rotation grace are
 * needed wherever {@link ApiCredentials} is (also in a context without a web server), the security chain only
 * in a servlet one.
 */
@Configuration
@EnableConfigurationProperties(BankApiProperties.class)
class BankApiConfiguration {
}
