package dev.ferry.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Pattern;

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

        // Partials would read files or classpath resources named by whoever writes the template.
        @Override
        public Reader getReader(String resourceName) {
            throw new MustacheException("partials ({{> name}}) are not supported");
        }
    };

    private static final Pattern POSITION = Pattern.compile("\\s*@\\[[^\\]]*:(\\d+)]");

    private PlainTextTemplates() {
    }

    /** Refuses a template mustache cannot compile; the reason names {@code where} and the line. */
    public static void check(String template, String where) {
        try {
            FACTORY.compile(new StringReader(template), "inline");
        } catch (MustacheException e) {
            throw new InvalidTemplateException(where + ": " + reason(e));
        }
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

    private static String reason(MustacheException e) {
        String message = e.getMessage() == null ? "invalid mustache" : e.getMessage();
        return POSITION.matcher(message).replaceAll(" (line $1)").strip();
    }
}
