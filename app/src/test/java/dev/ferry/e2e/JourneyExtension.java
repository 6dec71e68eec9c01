package dev.ferry.e2e;

import dev.ferry.support.CleanDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link FerryJourney} adds to each test: the run's {@link Journey} as a parameter, empty tables and
 * forgetful simulators before, and Atlassian's specification checked after. The simulators live as long as
 * the run (the root store closes them), since the shared Spring context keeps pointing at them.
 */
final class JourneyExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JourneyExtension.class);

    private final CleanDatabase cleanDatabase = new CleanDatabase();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Journey.class, type -> Journey.shared(), Journey.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Journey.shared().reset();
        cleanDatabase.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Journey.shared().assertNoSpecViolations();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Journey.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Journey.shared();
    }
}
