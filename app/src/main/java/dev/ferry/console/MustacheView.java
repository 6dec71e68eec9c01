package dev.ferry.console;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.MustacheNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * One console template. It sees the model's frame and page record as two scopes, so the template reads
 * both records' fields at top level (the page's win) and the layout reads the frame's through
 * {@code {{#frame}}}. Answers are no-store: they carry CSRF tokens and, once, new secrets.
 */
class MustacheView extends AbstractUrlBasedView {

    static final String HTML = "text/html;charset=UTF-8";

    private final MustacheFactory factory;

    MustacheView(MustacheFactory factory) {
        this.factory = factory;
        setContentType(HTML);
    }

    @Override
    public boolean checkResource(Locale locale) {
        try {
            template();
            return true;
        } catch (MustacheNotFoundException missing) {
            return false;
        }
    }

    @Override
    protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        Object[] scopes = Stream.of(model.get(ConsoleView.FRAME), model.get(ConsoleView.PAGE))
                .filter(Objects::nonNull).toArray();
        response.setContentType(HTML);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        Writer out = response.getWriter();
        template().execute(out, scopes);
        out.flush();
    }

    private Mustache template() {
        return factory.compile(getUrl());
    }
}
