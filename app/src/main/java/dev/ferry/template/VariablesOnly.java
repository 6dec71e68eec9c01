package dev.ferry.template;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.ObjectHandler;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.util.Wrapper;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * mustache.java's object handler for rule templates: a name is only ever a key of the variables map (a
 * dotted name is a literal key), a value is only its text, and a section is an if, never a loop. The
 * default handler would call methods and iterate over values ({{x.bytes}}), running Java for the template's
 * author and growing output without bound.
 */
final class VariablesOnly implements ObjectHandler {

    @Override
    public Wrapper find(String name, List<Object> scopes) {
        return found -> lookup(name, found);
    }

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        return scopes -> lookup(name, scopes);
    }

    @Override
    public Object coerce(Object object) {
        return object;
    }

    /** A section runs once over the variables map again when its variable is set; the value never becomes a scope. */
    @Override
    public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        return isSet(object) ? iteration.next(writer, scopes.get(0), scopes) : writer;
    }

    @Override
    public Writer falsey(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
        return isSet(object) ? writer : iteration.next(writer, scopes.get(0), scopes);
    }

    /** Only text is written; {{.}} (the variables map itself) writes nothing. */
    @Override
    public String stringify(Object object) {
        return object instanceof String text ? text : "";
    }

    /** The variable's text from the map the render started with; anything but text (a lambda, say) is absent. */
    private static String lookup(String name, List<Object> scopes) {
        Object variables = scopes == null || scopes.isEmpty() ? null : scopes.get(0);
        Object value = variables instanceof Map<?, ?> map ? map.get(name) : null;
        return value instanceof CharSequence text ? text.toString() : null;
    }

    private static boolean isSet(Object value) {
        return value instanceof String text && !text.isEmpty();
    }
}
