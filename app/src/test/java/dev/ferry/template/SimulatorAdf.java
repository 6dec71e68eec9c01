package dev.ferry.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.Adf;
import dev.ferry.simulator.spec.SpecResources;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's own check of a rich-text field (Atlassian's unmodified schema, Jira's size rule). Its
 * {@code problem} method is package-private, so it is reached by reflection: a second opinion that does not
 * share Ferry's rewritten schema or Ferry's way of measuring.
 */
final class SimulatorAdf {

    private static final ObjectMapper JACKSON_2 = new ObjectMapper();
    private static final Adf ADF = new Adf(SpecResources.open(SpecResources.ADF_SCHEMA));
    private static final Method PROBLEM = problemMethod();

    private SimulatorAdf() {
    }

    /** What the simulated Jira would answer for the field, or empty when it accepts the document. */
    @SuppressWarnings("unchecked")
    static Optional<String> problem(JsonNode document) {
        try {
            return (Optional<String>) PROBLEM.invoke(ADF, JACKSON_2.readTree(document.toString()));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot ask the simulator about " + document, e);
        }
    }

    private static Method problemMethod() {
        try {
            Method method = Adf.class.getDeclaredMethod("problem", com.fasterxml.jackson.databind.JsonNode.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
