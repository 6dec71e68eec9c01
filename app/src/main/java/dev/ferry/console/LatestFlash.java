package dev.ferry.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Spring's session flash maps, holding one at a time: the message of the latest form replaces one that
 * its page never showed (a form answered without a redirect was posted in between, say), where Spring
 * would queue both and show the older first.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class LatestFlash extends SessionFlashMapManager {

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        super.updateFlashMaps(flashMaps.size() <= 1 ? flashMaps
                : new CopyOnWriteArrayList<>(List.of(flashMaps.get(flashMaps.size() - 1))),
                request, response);
    }
}
