package dev.ferry.template;

import com.github.mustachejava.MustacheException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders {@code {{variable}}} text without HTML escaping: names are keys of the variables map, sections
 * are conditionals, unknown variables render empty; see {@link VariablesOnly} and {@link TemplateLimits}.
 */
public final class PlainTextTemplates {

    private static final Pattern POSITION = Pattern.compile("\\s*@\\[[^\\]]*:(\\d+)]");

    private PlainTextTemplates() {
    }

    /** Refuses a template that is invalid mustache, names no variable or is over a limit; the reason names {@code where}. */
    public static void check(String template, String where) {
        try {
            TemplateLimits.requireLength(template, TemplateLimits.MAX_DESCRIPTION_CHARS);
            VariablesOnlyMustache.CHECKING.compileInline(template);
        } catch (TemplateLimitException e) {
            throw new TemplateLimitException(where + ": " + e.getMessage());
        } catch (MustacheException e) {
            throw new InvalidTemplateException(where + ": " + reason(e));
        }
    }

    /** Renders within a description's budget. */
    public static String render(String template, Map<String, ?> scope) {
        return render(template, scope, RenderBudget.description());
    }

    /**
     * Renders what fits the budget; text without tags is returned as it is and costs nothing.
     *
     * @throws TemplateLimitException when the template is over a limit or rendering ran out of time
     * @throws MustacheException      when the template does not compile
     */
    static String render(String template, Map<String, ?> scope, RenderBudget budget) {
        TemplateLimits.requireLength(template, TemplateLimits.MAX_DESCRIPTION_CHARS);
        if (!template.contains("{{")) {
            return template;
        }
        BoundedWriter out = new BoundedWriter(budget);
        VariablesOnlyMustache.RENDERING.compileInline(template).execute(out, scope);
        budget.requireInTime();
        return out.toString();
    }

    private static String reason(MustacheException e) {
        String message = e.getMessage() == null ? "invalid mustache" : e.getMessage();
        return POSITION.matcher(message).replaceAll(" (line $1)").strip();
    }
}
