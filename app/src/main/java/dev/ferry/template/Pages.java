package dev.ferry.template;

import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import org.springframework.stereotype.Component;

/** Renders the HTML pages under {@code templates/} from a prepared view-model; values are HTML-escaped. */
@Component
public class Pages {

    private final MustacheFactory factory;

    Pages(MustacheFactory factory) {
        this.factory = factory;
    }

    public String render(String name, Object viewModel) {
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, viewModel);
        return out.toString();
    }
}
