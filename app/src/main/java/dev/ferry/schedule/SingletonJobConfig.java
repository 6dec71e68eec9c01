package dev.ferry.schedule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/** Registers the post-processor behind {@link SingletonJob}. */
@Configuration(proxyBeanMethods = false)
class SingletonJobConfig {

    /** Static: a post-processor is made before every other bean, and must not make this configuration early. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static SingletonJobAdvice singletonJobAdvice(ObjectProvider<SingletonJobs> jobs) {
        return new SingletonJobAdvice(jobs);
    }
}
