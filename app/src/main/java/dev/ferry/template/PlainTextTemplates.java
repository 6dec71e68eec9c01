package dev.ferry.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/** Renders {@code {{variable}}} text without HTML escaping; unknown variables render empty. */
public final class PlainTextTemplates {

    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private PlainTextTemplates() {
    }

    public static String render(String template, Map<String, ?> scope) {
        if (!template.contains("{{")) {
            return template;
        }
        Mustache mustache = FACTORY.compile(new StringReader(template), "inline");
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }
}
