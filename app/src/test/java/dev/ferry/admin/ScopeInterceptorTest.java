package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.MissingScopeException;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class ScopeInterceptorTest {

    final ScopeInterceptor interceptor = new ScopeInterceptor();

    static class Undeclared {
        void handle() {
        }
    }

    @RequiresScope(ApiScope.CONFIG_READ)
    static class DeclaredOnTheController {
        void read() {
        }

        @RequiresScope(ApiScope.CONFIG_WRITE)
        void write() {
        }
    }

    @Test
    void aHandlerThatDeclaresNoScopeIsRefusedEvenToAKeyWithEveryScope() throws Exception {
        var handler = new HandlerMethod(new Undeclared(), Undeclared.class.getDeclaredMethod("handle"));

        assertThatThrownBy(() -> interceptor.preHandle(request(EnumSet.allOf(ApiScope.class)),
                new MockHttpServletResponse(), handler))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN))
                .hasMessage("this call declares no scope, so no API key may make it");
    }

    @Test
    void theMethodsScopeWinsOverTheControllers() throws Exception {
        var controller = new DeclaredOnTheController();
        var read = new HandlerMethod(controller, DeclaredOnTheController.class.getDeclaredMethod("read"));
        var write = new HandlerMethod(controller, DeclaredOnTheController.class.getDeclaredMethod("write"));
        var reader = request(EnumSet.of(ApiScope.CONFIG_READ));

        assertThat(interceptor.preHandle(reader, new MockHttpServletResponse(), read)).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(reader, new MockHttpServletResponse(), write))
                .isInstanceOf(MissingScopeException.class).hasMessage("this API key lacks the scope config:write");
    }

    @Test
    void aRequestNoHandlerMethodMatchedIsLeftToItsOwnAnswer() {
        assertThat(interceptor.preHandle(request(EnumSet.noneOf(ApiScope.class)), new MockHttpServletResponse(),
                new Object())).isTrue();
    }

    private static MockHttpServletRequest request(EnumSet<ApiScope> scopes) {
        var request = new MockHttpServletRequest();
        request.setAttribute(ApiKeyInterceptor.CALLER, new ApiCaller("org", "key", scopes));
        return request;
    }
}
