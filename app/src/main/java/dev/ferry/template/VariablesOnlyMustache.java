package dev.ferry.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;

/** mustache.java as rule templates may use it: variables substituted unescaped, sections as conditionals, nothing else. */
final class VariablesOnlyMustache extends DefaultMustacheFactory {

    /** For saving: names must be variable names as well. */
    static final VariablesOnlyMustache CHECKING = new VariablesOnlyMustache(true);
    /** For rendering: a name that is no variable (saved before the check) simply renders nothing. */
    static final VariablesOnlyMustache RENDERING = new VariablesOnlyMustache(false);

    private final boolean namesChecked;

    private VariablesOnlyMustache(boolean namesChecked) {
        this.namesChecked = namesChecked;
        setObjectHandler(new VariablesOnly());
        mc.setAllowChangingDelimeters(false);
    }

    /** Compiles after the nesting check, so a refused template never reaches the recursive parser. */
    Mustache compileInline(String template) {
        Nesting.check(template);
        return compile(new StringReader(template), "inline");
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new VariablesOnlyVisitor(this, namesChecked);
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Partials would read files or classpath resources named by whoever writes the template.
    @Override
    public Reader getReader(String resourceName) {
        throw new MustacheException("partials ({{> name}}) are not supported");
    }
}
