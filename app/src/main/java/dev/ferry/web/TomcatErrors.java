package dev.ferry.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes {@link ProblemReportValve} the host's only error report, in place of Tomcat's HTML one. */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

    /**
     * The swap waits for the host's start: Spring Boot adds its own error report valve in a customizer that
     * may run after this one.
     */
    @Bean
    TomcatContextCustomizer problemReports() {
        return context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    useProblemReports(host);
                }
            });
        };
    }

    private static void useProblemReports(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof ProblemReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemReportValve());
        }
    }
}
