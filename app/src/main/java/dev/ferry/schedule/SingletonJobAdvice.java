package dev.ferry.schedule;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.ReflectionUtils;

/**
 * Puts every {@link SingletonJob} method behind {@link SingletonJobs#launch}: beans with such a method are proxied
 * before {@code @Scheduled} methods are registered, so the scheduler calls the proxy.
 */
class SingletonJobAdvice extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    private ConfigurableBeanFactory beanFactory;

    SingletonJobAdvice(ObjectProvider<SingletonJobs> jobs) {
        this.advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(SingletonJob.class),
                new Launcher(jobs, this));
        setProxyTargetClass(true);
        setBeforeExistingAdvisors(true);
        // Before ScheduledAnnotationBeanPostProcessor (the lowest precedence), which must see the proxy.
        setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory instanceof ConfigurableBeanFactory configurable ? configurable : null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        ReflectionUtils.doWithMethods(org.springframework.aop.support.AopUtils.getTargetClass(bean), method -> {
            if (method.isAnnotationPresent(SingletonJob.class) && method.getReturnType() != void.class) {
                throw new IllegalStateException("@SingletonJob method " + method + " must return void: it runs on a job thread");
            }
        });
        return super.postProcessAfterInitialization(bean, beanName);
    }

    /** What a job method's annotations resolve to. */
    record Spec(String name, Duration lease, Duration holdAtLeast) {
    }

    Spec spec(Method method, Duration defaultLease) {
        SingletonJob job = AnnotatedElementUtils.findMergedAnnotation(method, SingletonJob.class);
        Duration lease = job.lease().isEmpty() ? defaultLease : duration(resolve(job.lease()), TimeUnit.MILLISECONDS);
        Duration hold = job.holdAtLeast().isEmpty() ? tenthsOfPeriod(method, 9)
                : duration(resolve(job.holdAtLeast()), TimeUnit.MILLISECONDS);
        return new Spec(job.name(), lease, hold);
    }

    /** {@code tenths}/10 of the method's {@code @Scheduled} period; zero if it has none Ferry can read. */
    Duration tenthsOfPeriod(Method method, int tenths) {
        Scheduled scheduled = AnnotatedElementUtils.findMergedAnnotation(method, Scheduled.class);
        Duration period = Duration.ZERO;
        if (scheduled == null) {
            return period;
        }
        TimeUnit unit = scheduled.timeUnit();
        if (scheduled.fixedDelay() > 0) {
            period = Duration.of(scheduled.fixedDelay(), unit.toChronoUnit());
        } else if (!scheduled.fixedDelayString().isEmpty()) {
            period = duration(resolve(scheduled.fixedDelayString()), unit);
        } else if (scheduled.fixedRate() > 0) {
            period = Duration.of(scheduled.fixedRate(), unit.toChronoUnit());
        } else if (!scheduled.fixedRateString().isEmpty()) {
            period = duration(resolve(scheduled.fixedRateString()), unit);
        } else if (!scheduled.cron().isEmpty() && !Scheduled.CRON_DISABLED.equals(resolve(scheduled.cron()))) {
            CronExpression cron = CronExpression.parse(resolve(scheduled.cron()));
            var next = cron.next(Instant.now().atZone(java.time.ZoneOffset.UTC));
            var after = next == null ? null : cron.next(next);
            period = after == null ? Duration.ZERO : Duration.between(next, after);
        }
        return period.multipliedBy(tenths).dividedBy(10);
    }

    private String resolve(String value) {
        return beanFactory == null ? value : beanFactory.resolveEmbeddedValue(value);
    }

    /** As {@code @Scheduled} reads its strings: ISO-8601 ({@code PT1H}), simple ({@code 30m}) or a bare number of units. */
    private static Duration duration(String value, TimeUnit unit) {
        return DurationFormatterUtils.detectAndParse(value.trim(), DurationFormat.Unit.fromChronoUnit(unit.toChronoUnit()));
    }

    /** Hands each call of a job method to the job threads and returns at once. */
    private static final class Launcher implements MethodInterceptor {

        private final ObjectProvider<SingletonJobs> jobs;
        private final SingletonJobAdvice advice;
        private final Map<Method, Spec> specs = new ConcurrentHashMap<>();

        Launcher(ObjectProvider<SingletonJobs> jobs, SingletonJobAdvice advice) {
            this.jobs = jobs;
            this.advice = advice;
        }

        @Override
        public Object invoke(MethodInvocation invocation) {
            SingletonJobs singletons = jobs.getObject();
            Spec spec = specs.computeIfAbsent(invocation.getMethod(), method -> advice.spec(method, singletons.defaultLease()));
            singletons.launch(spec.name(), spec.lease(), spec.holdAtLeast(), () -> {
                try {
                    invocation.proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            return null;
        }
    }
}
