package cn.gov.panyu.points.platform.evaluation;

import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * For a platform in a child JVM only ({@code --spring.main.sources=} this class, with
 * {@value #PAUSE}): saving a run's results first waits, so that a test can kill the instance while the
 * run is computing — a district small enough to load in seconds is scored faster than a test can aim.
 * No annotation: component scanning never picks it up.
 */
public class SlowResultStore {

    public static final String PAUSE = "points.test.result-store-pause";

    /** The child's options that slow its result store down by {@code pause}. */
    public static String[] args(Duration pause) {
        return new String[] {"--spring.main.sources=" + SlowResultStore.class.getName(),
                "--" + PAUSE + "=" + pause.toMillis() + "ms"};
    }

    @Bean
    static BeanPostProcessor pauseBeforeSavingResults(Environment environment) {
        Duration pause = environment.getProperty(PAUSE, Duration.class, Duration.ZERO);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ResultStore) || pause.isZero()) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    if (call.getMethod().getName().equals("store")) {
                        Thread.sleep(pause.toMillis());
                    }
                    return call.proceed();
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
