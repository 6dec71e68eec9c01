package dev.ferry.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;

/**
 * Builds only variables, sections and comments; refuses what could read files, pull in other templates or
 * change the rules (partials, inheritance, blocks, pragmas). When saving, names must be variable names too.
 */
final class VariablesOnlyVisitor extends DefaultMustacheVisitor {

    /** The shape of an event variable's name (and of the event's own fields, subjectTitle and the like). */

    private final boolean namesChecked;

    VariablesOnlyVisitor(DefaultMustacheFactory factory, boolean namesChecked) {
        super(factory);
        this.namesChecked = namesChecked;
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        requireVariable(tc, encoded ? "{{" : "{{{", variable);
        super.value(tc, variable, encoded);
    }

    @Override
    public void iterable(TemplateContext tc, String variable, Mustache mustache) {
        requireVariable(tc, "{{#", variable);
        super.iterable(tc, variable, mustache);
    }

    @Override
    public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
        requireVariable(tc, "{{^", variable);
        super.notIterable(tc, variable, mustache);
    }

    @Override
    public void partial(TemplateContext tc, String variable, String indent) {
        throw new MustacheException("partials ({{> name}}) are not supported", tc);
    }

    @Override
    public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        partial(tc, variable, indent);
    }

    @Override
    public void extend(TemplateContext tc, String variable, Mustache mustache) {
        throw new MustacheException("template inheritance ({{< name}}) is not supported", tc);
    }

    @Override
    public void name(TemplateContext tc, String variable, Mustache mustache) {
        throw new MustacheException("blocks ({{$ name}}) are not supported", tc);
    }

    @Override
    public void checkName(TemplateContext tc, String variable, Mustache mustache) {
        throw new MustacheException("{{? name}} is not supported", tc);
    }

    @Override
    public void pragma(TemplateContext tc, String pragma, String args) {
        throw new MustacheException("pragmas ({{% name}}) are not supported", tc);
    }

    private void requireVariable(TemplateContext tc, String opening, String variable) {
        if (namesChecked && !VariableNames.isPlain(variable)) {
            throw new MustacheException(opening + variable + "}}: only a variable's name may go inside the braces"
                    + " (letters, digits, '_'), no '.', properties or method calls", tc);
        }
    }
}
