package dev.ferry.link;

import dev.ferry.event.ProductEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The product's side of a link: an object of the product (an experiment, a monitor…).
 *
 * @param type  the kind of object, for example {@code experiment}
 * @param id    the product's id for it
 * @param url   where the product shows it, the panel's link back
 * @param state the product's state for it, shown as is
 */
public record LinkedObject(String type, String id, String title, String url, String state) {

    /** The object an event was about; the product tells its state through events, not here. */
    public static LinkedObject of(ProductEvent.Subject subject) {
        return new LinkedObject(subject.type(), subject.id(), subject.title(), subject.url(), null);
    }

    /** Where the console lists an object's linked tickets: the links page, chosen for this object. */
    public static String consolePath(String type, String id) {
        return "/admin/links?subjectType=" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "&subjectId="
                + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
