package dev.ferry.console;

import com.github.mustachejava.MustacheFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractUrlBasedView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Resolves a console handler's view name to {@code templates/console/<name>.mustache}, compiled by the
 * application's one {@link MustacheFactory}; {@code redirect:} names answer 303 See Other, as forms want.
 */
@Component
class MustacheViewResolver extends UrlBasedViewResolver {

    private final MustacheFactory factory;

    MustacheViewResolver(MustacheFactory factory) {
        this.factory = factory;
        setViewClass(MustacheView.class);
        setPrefix("console/");
        setSuffix(".mustache");
        setContentType(MustacheView.HTML);
        setRedirectHttp10Compatible(false);
        setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new MustacheView(factory);
    }
}
