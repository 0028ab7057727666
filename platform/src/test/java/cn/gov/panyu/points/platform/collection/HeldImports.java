package cn.gov.panyu.points.platform.collection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * For a platform in a child JVM only ({@code --spring.main.sources=} this class, with {@value #GATE}):
 * a department load, its 导入任务 already recorded as running, waits while the gate file exists, so that a
 * test can start or kill another instance while the load is under way — a small file loads faster than a
 * child JVM starts, and a large one takes a time no test can aim at. No annotation: component scanning
 * never picks it up.
 */
public class HeldImports {

    public static final String GATE = "points.test.import-gate";
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    /** The child's options that hold its loads while {@code gate} exists. */
    public static String[] args(Path gate) {
        return new String[] {"--spring.main.sources=" + HeldImports.class.getName(), "--" + GATE + "=" + gate.toAbsolutePath()};
    }

    @Bean
    static BeanPostProcessor holdDepartmentLoads(Environment environment) {
        Path gate = Path.of(environment.getRequiredProperty(GATE));
        MethodInterceptor hold = call -> {
            if (call.getMethod().getName().equals("load") && call.getArguments().length == 8) {
                long deadline = System.nanoTime() + AT_MOST.toNanos();
                while (Files.exists(gate) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            return call.proceed();
        };
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DepartmentImports)) {
                    return bean;
                }
                // already a proxy (its methods are secured): one more advice on it, after the security check
                if (bean instanceof Advised advised && !advised.isFrozen()) {
                    advised.addAdvice(hold);
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(hold);
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
