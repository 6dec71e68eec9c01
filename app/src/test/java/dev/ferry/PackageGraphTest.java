package dev.ferry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ferry.web.ApiProblem;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import java.util.Set;
import org.apache.catalina.Valve;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;

/** The shape of the code: packages depend on each other one way only, and only web code speaks HTTP statuses. */
class PackageGraphTest {

    static final JavaClasses FERRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferry");

    /**
     * Helpers that build HTTP answers for web code and so are web code themselves: the console's and the
     * configure page's page answers for their controllers, and the webhook answers written on the raw servlet
     * response before Spring MVC runs.
     */
    static final Set<String> ANSWER_HELPERS = Set.of("dev.ferry.console.ConsolePages", "dev.ferry.panel.ConfigurePages",
            "dev.ferry.webhook.WebhookReceiver");

    /**
     * Controllers and advice, servlet and MVC plumbing, HTTP-only answers ({@link ApiProblem}), the web package
     * itself and the {@link #ANSWER_HELPERS}; their nested classes too.
     */
    static final DescribedPredicate<JavaClass> WEB_CODE = new DescribedPredicate<>("web code") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass outer = type;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            return outer.getPackageName().equals("dev.ferry.web") || outer.isMetaAnnotatedWith(Controller.class)
                    || outer.isMetaAnnotatedWith(ControllerAdvice.class) || outer.isAssignableTo(HandlerInterceptor.class)
                    || outer.isAssignableTo(HandlerMethodArgumentResolver.class) || outer.isAssignableTo(Filter.class)
                    || outer.isAssignableTo(Valve.class) || outer.isAssignableTo(AsyncListener.class)
                    || outer.isAssignableTo(ApiProblem.class) || ANSWER_HELPERS.contains(outer.getName());
        }
    };

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.ferry.(*)..").should().beFreeOfCycles().check(FERRY);
    }

    @Test
    void onlyWebCodeAnswersWithHttpStatuses() {
        noClasses().that(DescribedPredicate.not(WEB_CODE))
                .should().dependOnClassesThat().belongToAnyOf(HttpStatus.class, HttpStatusCode.class, ResponseEntity.class)
                .because("the domain throws dev.ferry.refusal.Refusal and the web layer decides the status")
                .check(FERRY);
    }
}
