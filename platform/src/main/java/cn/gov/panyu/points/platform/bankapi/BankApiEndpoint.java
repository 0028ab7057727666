package cn.gov.panyu.points.platform.bankapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the bank API: mapped under {@link BankApi#BASE}, JSON only, and its errors answered as problem
 * details by {@link ApiExceptionHandler}. A new endpoint (applications, loans) is one method of such a
 * controller over a service; authentication, rate limit, audit and Idempotency-Key come with the path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping(path = BankApi.BASE, produces = "application/json")
public @interface BankApiEndpoint {
}
